import { createParamDecorator, ExecutionContext, PipeTransform } from '@nestjs/common';
import { ERROR_MESSAGES, IDEMPOTENCY_KEY_HEADER, IdempotencyKeySchema, uuid } from '@phonghop/common';
import type { Request } from 'express';
import { AppException } from '../../common/errors/app-exception';

/**
 * The `Idempotency-Key` header of a REST command: a uuid, or null when the client sent none. A
 * malformed key is refused rather than ignored, so a client never believes it is protected when
 * it is not.
 */
export const IdempotencyKey = createParamDecorator((_: unknown, ctx: ExecutionContext): string | null => {
  const value = ctx.switchToHttp().getRequest<Request>().headers[IDEMPOTENCY_KEY_HEADER];
  if (value === undefined) return null;
  const parsed = IdempotencyKeySchema.safeParse(value);
  if (!parsed.success) {
    throw new AppException('VALIDATION_FAILED', ERROR_MESSAGES.VALIDATION_FAILED.en, [
      { path: `header.${IDEMPOTENCY_KEY_HEADER}`, message: 'must be a uuid' },
    ]);
  }
  return parsed.data;
});

const routeUuid = uuid();

/**
 * A route id that must be a uuid; anything else is "not found" (ids are never explained). Any case
 * is accepted and lower-cased, like every id at the contract.
 */
export class UuidOr404Pipe implements PipeTransform<string, string> {
  constructor(
    private readonly code:
      'MEETING_NOT_FOUND' | 'AGENDA_ITEM_NOT_FOUND' | 'PARTICIPANT_NOT_FOUND' | 'DISPLAY_TOKEN_INVALID',
  ) {}

  transform(value: string): string {
    const parsed = routeUuid.safeParse(value);
    if (!parsed.success) throw new AppException(this.code);
    return parsed.data;
  }
}

export const MeetingIdPipe = new UuidOr404Pipe('MEETING_NOT_FOUND');
export const AgendaItemIdPipe = new UuidOr404Pipe('AGENDA_ITEM_NOT_FOUND');
export const ParticipantIdPipe = new UuidOr404Pipe('PARTICIPANT_NOT_FOUND');
