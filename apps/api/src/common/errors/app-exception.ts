import { HttpException } from '@nestjs/common';
import { ApiError, ERROR_HTTP_STATUS, ERROR_MESSAGES, ErrorCode } from '@phonghop/common';

/**
 * The one exception services throw. It carries a code from the shared contract; the HTTP filter
 * and the socket ack helper turn it into `{ code, message }`.
 */
export class AppException extends HttpException {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: ApiError['details'],
  ) {
    super({ code, message: message ?? ERROR_MESSAGES[code].en, details }, ERROR_HTTP_STATUS[code]);
  }

  toApiError(): ApiError {
    const body: ApiError = { code: this.code, message: this.message };
    if (this.details) body.details = this.details;
    return body;
  }
}
