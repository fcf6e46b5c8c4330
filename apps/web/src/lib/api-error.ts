import { isErrorCode, type ApiError, type ErrorCode } from '@phonghop/common';

/** A failed API call: the server's error code (or NETWORK when the server was not reached). */
export class ApiRequestError extends Error {
  constructor(
    readonly code: ErrorCode | 'NETWORK',
    readonly status: number,
    readonly details: ApiError['details'] = undefined,
  ) {
    super(code);
    this.name = 'ApiRequestError';
  }
}

/** Reads `{ error: { code, message } }` from a failed response; anything else becomes INTERNAL_ERROR. */
export async function errorFromResponse(res: Response): Promise<ApiRequestError> {
  try {
    const body: unknown = await res.json();
    const error = (body as { error?: Partial<ApiError> } | null)?.error;
    if (error && isErrorCode(error.code)) return new ApiRequestError(error.code, res.status, error.details);
  } catch {
    // not JSON (proxy page, empty body): fall through
  }
  return new ApiRequestError(res.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL_ERROR', res.status);
}

export function errorCodeOf(err: unknown): ErrorCode | 'NETWORK' {
  if (err instanceof ApiRequestError) return err.code;
  if (err && typeof err === 'object' && 'code' in err && isErrorCode(err.code)) return err.code;
  return 'NETWORK';
}
