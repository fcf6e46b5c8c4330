import { createZodValidationPipe } from 'nestjs-zod';
import { ZodError } from 'zod';
import { validationError } from '../errors/to-api-error';

/** Validates every `createZodDto` body, query and param against its shared schema. */
export const AppZodValidationPipe = createZodValidationPipe({
  createValidationException: (error: unknown) =>
    error instanceof ZodError
      ? validationError(error)
      : error instanceof Error
        ? error
        : new Error(String(error)),
});
