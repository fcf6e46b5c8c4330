import { IDEMPOTENCY_KEY_HEADER } from '@phonghop/common';
import type { z } from 'zod';
import { ApiRequestError, errorFromResponse } from './api-error';
import { newIdempotencyKey } from './idempotency-key';
import { safeFetch, session } from './session';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface RequestOptions<S extends z.ZodType> {
  /** Parses the answer; the contract schemas from @phonghop/common. */
  schema?: S;
  body?: unknown;
  query?: Record<string, string | undefined>;
  signal?: AbortSignal;
  /**
   * A command the server must not run twice: it gets a fresh Idempotency-Key, and when the answer
   * is lost (network error) it is sent again with the same key, up to twice.
   */
  idempotent?: boolean;
}

const IDEMPOTENT_RETRIES = 2;

const API_BASE = '/api/v1';

/**
 * Calls the REST API with the in-memory access token. On 401 it refreshes the session once and
 * retries; when the refresh fails the session ends and the router shows the sign-in page.
 */
async function request<S extends z.ZodType>(
  method: Method,
  path: string,
  options: RequestOptions<S> = {},
): Promise<z.infer<S>> {
  const url = buildUrl(path, options.query);
  const idempotencyKey = options.idempotent ? newIdempotencyKey() : undefined;
  const sendOnce = (token: string | null) =>
    safeFetch(url, {
      method,
      signal: options.signal,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(idempotencyKey ? { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey } : {}),
      },
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    });
  const send = async (token: string | null): Promise<Response> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await sendOnce(token);
      } catch (err) {
        const retry = idempotencyKey && err instanceof ApiRequestError && attempt < IDEMPOTENT_RETRIES;
        if (!retry) throw err;
        await new Promise((r) => setTimeout(r, 500 * (attempt + 1)));
      }
    }
  };

  let res = await send(await session.freshToken());
  if (res.status === 401 && (await session.refresh())) res = await send(session.token);
  if (!res.ok) throw await errorFromResponse(res);
  if (res.status === 204) return undefined as z.infer<S>;
  const body: unknown = await res.json();
  return (options.schema ? options.schema.parse(body) : body) as z.infer<S>;
}

function buildUrl(path: string, query?: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, value);
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

export const api = {
  get: <S extends z.ZodType>(path: string, options?: Omit<RequestOptions<S>, 'body'>) =>
    request('GET', path, options),
  post: <S extends z.ZodType>(path: string, options?: RequestOptions<S>) => request('POST', path, options),
  patch: <S extends z.ZodType>(path: string, options?: RequestOptions<S>) => request('PATCH', path, options),
  put: <S extends z.ZodType>(path: string, options?: RequestOptions<S>) => request('PUT', path, options),
  delete: <S extends z.ZodType>(path: string, options?: RequestOptions<S>) =>
    request('DELETE', path, options),
};
