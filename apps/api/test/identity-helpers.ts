import type { ErrorCode, SystemRole, User } from '@phonghop/common';
import { io, Socket } from 'socket.io-client';
import type { DataSource } from 'typeorm';
import type { ClientToServerEvents, ServerToClientEvents } from '@phonghop/common';
import { hashPassword } from '../src/modules/identity/password.service';
import { UserEntity } from '../src/modules/identity/user.entity';
import { toUser } from '../src/modules/identity/users.repository';

/** Helpers for the identity integration tests: plain HTTP with fetch and a real socket.io client. */

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

export interface ApiRequest {
  method?: string;
  token?: string;
  body?: unknown;
  /** Sent as is (for malformed or oversized bodies). */
  rawBody?: string;
  cookie?: string;
  headers?: Record<string, string>;
}

export async function api<T = unknown>(
  baseUrl: string,
  path: string,
  req: ApiRequest = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...req.headers };
  if (req.token) headers.authorization = `Bearer ${req.token}`;
  if (req.cookie) headers.cookie = req.cookie;
  let body: string | undefined;
  if (req.rawBody !== undefined || req.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = req.rawBody ?? JSON.stringify(req.body);
  }
  const res = await fetch(`${baseUrl}/api/v1${path}`, { method: req.method ?? 'GET', headers, body });
  const text = await res.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed as T, headers: res.headers, text };
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: { path: string; message: string }[] };
}

export interface SignIn {
  status: number;
  accessToken: string;
  user: User;
  /** `phonghop_refresh=<value>`, ready for a Cookie header. */
  cookie: string;
  /** The whole Set-Cookie line, with its attributes. */
  setCookie: string;
}

export function refreshSetCookie(headers: Headers): string | undefined {
  return headers.getSetCookie().find((c) => c.startsWith('phonghop_refresh='));
}

export async function signIn(
  baseUrl: string,
  username: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<SignIn> {
  const res = await api<{ accessToken: string; user: User }>(baseUrl, '/auth/login', {
    method: 'POST',
    body: { username, password },
    headers,
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${res.text}`);
  const setCookie = refreshSetCookie(res.headers) ?? '';
  return {
    status: res.status,
    accessToken: res.body.accessToken,
    user: res.body.user,
    cookie: setCookie.split(';')[0],
    setCookie,
  };
}

let hashCache: Map<string, Promise<string>> | undefined;

/** Inserts a user straight into the database (fast test setup; the API paths are tested separately). */
export async function insertUser(
  dataSource: DataSource,
  data: {
    username: string;
    password?: string;
    systemRole?: SystemRole;
    active?: boolean;
    fullName?: string;
    canOrganise?: boolean;
  },
): Promise<User & { password: string }> {
  const password = data.password ?? 'correct horse battery';
  hashCache ??= new Map();
  if (!hashCache.has(password)) hashCache.set(password, hashPassword(password));
  const repo = dataSource.getRepository(UserEntity);
  const e = await repo.save(
    repo.create({
      username: data.username,
      passwordHash: await hashCache.get(password)!,
      fullName: data.fullName ?? `Người dùng ${data.username}`,
      title: '',
      unit: '',
      email: null,
      phone: null,
      active: data.active ?? true,
      systemRole: data.systemRole ?? 'member',
      canOrganise: data.canOrganise ?? false,
    }),
  );
  return { ...toUser(e), password };
}

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Opens a socket.io connection the way the web app does; resolves when connected, rejects with the refusal. */
export function connectSocket(
  baseUrl: string,
  token: string | undefined,
  extraHeaders: Record<string, string> = {},
): Promise<TestSocket> {
  const socket: TestSocket = io(baseUrl, {
    auth: token === undefined ? {} : { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders,
    timeout: 10_000,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err: Error & { data?: unknown }) => {
      socket.close();
      reject(err);
    });
  });
}

/**
 * Opens a socket with a token whose session has ended (signed out, disabled …): the handshake takes
 * the token, and the session read that follows closes the socket. Resolves with what the client
 * saw: the `session.revoked` reason, the disconnect reason, and the answer to a command sent the
 * moment it connected.
 */
export function connectEnded(
  baseUrl: string,
  token: string,
): Promise<{ revoked: string | null; disconnect: string; ack: unknown }> {
  const socket: TestSocket = io(baseUrl, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 10_000,
  });
  const raw = socket as unknown as Socket;
  let revoked: string | null = null;
  let ack: unknown = null;
  raw.on('session.revoked', ({ reason }: { reason: string }) => (revoked = reason));
  raw.on('connect', () => {
    raw.emit('system.ping', {}, (a: unknown) => (ack = a));
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the socket was not closed within 5 s')), 5000);
    raw.once('connect_error', (err: Error) => {
      clearTimeout(timer);
      reject(err);
    });
    raw.once('disconnect', (reason: string) => {
      clearTimeout(timer);
      // The ack, if any, was written before the close: give it its turn.
      setTimeout(() => resolve({ revoked, disconnect: reason, ack }), 50);
    });
  });
}

/** Resolves with the first event of that name (or rejects after a few seconds). */
export function nextEvent<T>(socket: TestSocket, event: string, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    (socket as unknown as Socket).once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}
