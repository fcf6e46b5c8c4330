import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { toApiError } from './to-api-error';

/** REST errors: always `{ error: { code, message } }` with the status of the code. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const res = host.switchToHttp().getResponse<Response>();
    const { status, error } = toApiError(exception, this.logger);
    if (res.headersSent) return;
    res.status(status).json({ error });
  }
}
