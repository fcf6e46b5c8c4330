import { Logger } from '@nestjs/common';
import { Ack } from '@phonghop/common';
import { z, ZodType } from 'zod';
import { toApiError, validationError } from '../errors/to-api-error';

/** Parses a socket payload against its shared schema; throws VALIDATION_FAILED on mismatch. */
export function parsePayload<S extends ZodType>(schema: S, payload: unknown): z.infer<S> {
  const result = schema.safeParse(payload);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

/**
 * Runs one socket command and always produces its acknowledgement: `{ ok: true, data }` or
 * `{ ok: false, error }`. Gateways return this from every handler, so no command goes unanswered.
 */
export async function runCommand<T>(logger: Logger, fn: () => Promise<T> | T): Promise<Ack<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (err) {
    return { ok: false, error: toApiError(err, logger).error };
  }
}
