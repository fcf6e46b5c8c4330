import type { ApiError } from '@phonghop/common';
import { AppException } from './app-exception';

/** RATE_LIMITED, with the milliseconds after which the command may be sent again. */
export class RateLimitedException extends AppException {
  constructor(readonly retryAfterMs: number) {
    super('RATE_LIMITED');
  }

  override toApiError(): ApiError {
    return { ...super.toApiError(), retryAfterMs: this.retryAfterMs };
  }
}
