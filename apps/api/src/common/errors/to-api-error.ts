import { BadRequestException, HttpException, Logger } from '@nestjs/common';
import { ApiError, ERROR_MESSAGES } from '@phonghop/common';
import { ZodError } from 'zod';
import { AppException } from './app-exception';

/** Field errors of a zod failure as `{ path, message }` pairs. */
export function zodDetails(error: ZodError): NonNullable<ApiError['details']> {
  return error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message }));
}

export function validationError(error: ZodError): AppException {
  return new AppException('VALIDATION_FAILED', ERROR_MESSAGES.VALIDATION_FAILED.en, zodDetails(error));
}

interface BodyParserError {
  type?: string;
  status?: number;
}

/**
 * Maps anything thrown to the public error shape and its HTTP status. Unknown errors become
 * INTERNAL_ERROR with a generic message: no stack or driver text ever reaches a client.
 */
export function toApiError(err: unknown, logger: Logger): { status: number; error: ApiError } {
  if (err instanceof AppException) return { status: err.getStatus(), error: err.toApiError() };
  if (err instanceof ZodError) {
    const e = validationError(err);
    return { status: 400, error: e.toApiError() };
  }
  const bodyError = err as BodyParserError;
  if (bodyError?.type === 'entity.too.large') {
    return {
      status: 413,
      error: { code: 'PAYLOAD_TOO_LARGE', message: ERROR_MESSAGES.PAYLOAD_TOO_LARGE.en },
    };
  }
  if (bodyError?.type === 'entity.parse.failed') {
    return { status: 400, error: { code: 'MALFORMED_JSON', message: ERROR_MESSAGES.MALFORMED_JSON.en } };
  }
  // Any other refusal of the body parser (unsupported charset or encoding, aborted upload …).
  if (typeof bodyError?.type === 'string' && typeof bodyError.status === 'number' && bodyError.status < 500) {
    return { status: 400, error: { code: 'MALFORMED_JSON', message: ERROR_MESSAGES.MALFORMED_JSON.en } };
  }
  if (isWrappedJsonSyntaxError(err)) {
    return { status: 400, error: { code: 'MALFORMED_JSON', message: ERROR_MESSAGES.MALFORMED_JSON.en } };
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    if (status === 404)
      return { status, error: { code: 'ROUTE_NOT_FOUND', message: ERROR_MESSAGES.ROUTE_NOT_FOUND.en } };
    if (status === 413)
      return { status, error: { code: 'PAYLOAD_TOO_LARGE', message: ERROR_MESSAGES.PAYLOAD_TOO_LARGE.en } };
    if (status === 401)
      return { status, error: { code: 'UNAUTHENTICATED', message: ERROR_MESSAGES.UNAUTHENTICATED.en } };
    if (status === 403) return { status, error: { code: 'FORBIDDEN', message: ERROR_MESSAGES.FORBIDDEN.en } };
    if (status === 429)
      return { status, error: { code: 'TOO_MANY_ATTEMPTS', message: ERROR_MESSAGES.TOO_MANY_ATTEMPTS.en } };
    if (status < 500)
      return {
        status: 400,
        error: { code: 'VALIDATION_FAILED', message: ERROR_MESSAGES.VALIDATION_FAILED.en },
      };
  }
  const code = isDbConnectionError(err) ? 'DB_UNAVAILABLE' : 'INTERNAL_ERROR';
  logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  return { status: code === 'DB_UNAVAILABLE' ? 503 : 500, error: { code, message: ERROR_MESSAGES[code].en } };
}

/**
 * Nest replaces body-parser's SyntaxError (type `entity.parse.failed`) with a plain
 * `BadRequestException(err.message)` before any filter sees it, so only the message is left.
 * Our own code throws AppException, never a bare BadRequestException, so this cannot mistake one
 * of ours; the other thing Nest wraps this way (a bad %-escape in the URL) does not mention JSON.
 */
function isWrappedJsonSyntaxError(err: unknown): boolean {
  return err instanceof BadRequestException && !(err instanceof AppException) && /\bJSON\b/.test(err.message);
}

function isDbConnectionError(err: unknown): boolean {
  const code = (err as { code?: string })?.code;
  return (
    code === 'ECONNREFUSED' || code === '57P01' || code === '57P03' || code === '08006' || code === '08001'
  );
}
