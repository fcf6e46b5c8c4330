import { Logger } from '@nestjs/common';
import { SubscribeMessage } from '@nestjs/websockets';
import type { ClientToServerEvents } from '@phonghop/common';
import type { z, ZodType } from 'zod';
import type { Socket } from 'socket.io';
import type { Caller } from '../../modules/meeting-events/caller';
import { parsePayload, runCommand } from './run-command';
import type { SocketData } from './socket-session';

const logger = new Logger('SocketCommand');

/** What a decorated method may look like: it takes the parsed command (and the socket). */
type Handler<S extends ZodType> = (command: z.infer<S>, socket: never) => unknown;

/**
 * A gateway method that answers one socket command: `@SocketCommand('agenda.add', Schema)` on
 * `add(command, socket)`. The payload is parsed with the shared schema (VALIDATION_FAILED
 * otherwise), the method is called with it, and whatever it returns or throws becomes the one
 * acknowledgement `{ ok: true, data } | { ok: false, error }`. The token expiry and rate limits are
 * checked before (the command guard in the socket adapter), roles after (in the service, from the
 * database), so a gateway method is only the call.
 */
export function SocketCommand<S extends ZodType>(event: keyof ClientToServerEvents, schema: S) {
  return <M extends Handler<S>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    const handler = descriptor.value as unknown as (
      this: unknown,
      command: unknown,
      socket: Socket,
    ) => unknown;
    // Nest calls a handler without parameter decorators with (socket, payload).
    descriptor.value = function (this: unknown, socket: Socket, payload: unknown) {
      return runCommand(logger, () => handler.call(this, parsePayload(schema, payload), socket));
    } as unknown as M;
    SubscribeMessage(event)(target, key, descriptor);
  };
}

/** The caller of a command sent on this socket. */
export function socketCaller(
  socket: Socket<never, never, never, SocketData>,
  idempotencyKey: string | null,
): Caller {
  return { user: socket.data.user, idempotencyKey };
}
