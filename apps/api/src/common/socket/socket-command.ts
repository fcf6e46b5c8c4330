import { Logger } from '@nestjs/common';
import type { Ack, ClientToServerEvents } from '@phonghop/common';
import type { z, ZodType } from 'zod';
import type { Socket } from 'socket.io';
import type { Caller } from '../../modules/meeting-events/caller';
import { parsePayload, runCommand } from './run-command';
import type { SocketData } from './socket-session';

const logger = new Logger('SocketCommand');

/** What a decorated method may look like: it takes the parsed command (and the socket). */
type Handler<S extends ZodType> = (command: z.infer<S>, socket: never) => unknown;

/** One command as declared: the gateway class, its method, the payload's schema. */
interface Declared {
  gateway: abstract new (...args: never[]) => object;
  key: string | symbol;
  schema: ZodType;
}

/** Every `@SocketCommand` of the code, by event name (filled as the gateway classes load). */
const declared = new Map<string, Declared>();

/**
 * A gateway method that answers one socket command: `@SocketCommand('agenda.add', Schema)` on
 * `add(command, socket)`. The payload is parsed with the shared schema (VALIDATION_FAILED
 * otherwise), the method is called with it, and whatever it returns or throws becomes the one
 * acknowledgement `{ ok: true, data } | { ok: false, error }`. The token expiry and rate limits are
 * checked before (the command guard in the socket adapter), roles after (in the service, from the
 * database), so a gateway method is only the call.
 *
 * Commands are not Nest's `@SubscribeMessage` handlers: Nest binds each of those to every socket
 * as it connects (a bound function and a closure per command per socket, 38 of each, held for
 * the socket's life): about 10 KB per socket, which a join storm's garbage collection copied for
 * every new socket. The command guard looks a command up in the one table (SocketCommandTable)
 * and calls it instead.
 */
export function SocketCommand<S extends ZodType>(event: keyof ClientToServerEvents, schema: S) {
  return <M extends Handler<S>>(
    target: object,
    key: string | symbol,
    _descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    if (declared.has(event)) throw new Error(`@SocketCommand('${event}') is declared twice`);
    declared.set(event, { gateway: target.constructor as Declared['gateway'], key, schema });
  };
}

/** Runs one command for one socket and gives its acknowledgement (never throws). */
export type CommandRunner = (socket: Socket, payload: unknown) => Promise<Ack<unknown>>;

/**
 * The socket commands of this app, by event name: each `@SocketCommand` bound to its gateway's
 * instance (a gateway this app does not load — a test module with part of the app — leaves its
 * commands out: they are unknown commands here), plus the adapter's own (`auth.renew`).
 */
export class SocketCommandTable {
  private readonly runners = new Map<string, CommandRunner>();

  constructor(instanceOf: (gateway: Declared['gateway']) => object | undefined) {
    for (const [event, { gateway, key, schema }] of declared) {
      const instance = instanceOf(gateway) as
        Record<string | symbol, (command: unknown, socket: Socket) => unknown> | undefined;
      if (!instance) continue;
      const method = instance[key];
      this.runners.set(event, (socket, payload) =>
        runCommand(logger, () => method.call(instance, parsePayload(schema, payload), socket)),
      );
    }
  }

  /** A command that is not a gateway's (the adapter's `auth.renew`). */
  add(event: string, run: (socket: Socket, payload: unknown) => unknown): void {
    this.runners.set(event, (socket, payload) => runCommand(logger, () => run(socket, payload)));
  }

  get(event: string): CommandRunner | undefined {
    return this.runners.get(event);
  }
}

/** The caller of a command sent on this socket. */
export function socketCaller(
  socket: Socket<never, never, never, SocketData>,
  idempotencyKey: string | null,
): Caller {
  return { user: socket.data.user, idempotencyKey };
}
