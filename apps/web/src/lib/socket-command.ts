import type { Ack, ClientToServerEvents } from '@phonghop/common';
import { ApiRequestError } from './api-error';
import { newIdempotencyKey } from './idempotency-key';
import type { AppSocket } from './socket';

type CommandName = keyof ClientToServerEvents;
type PayloadOf<E extends CommandName> = Parameters<ClientToServerEvents[E]>[0];
type AckOf<E extends CommandName> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];
export type CommandResult<E extends CommandName> = AckOf<E> extends Ack<infer T> ? T : never;

/** Commands that change state: they carry an idempotency key the client makes. */
type MutatingCommand = {
  [E in CommandName]: PayloadOf<E> extends { idempotencyKey: string } ? E : never;
}[CommandName];

const ACK_TIMEOUT_MS = 8_000;
const MAX_ATTEMPTS = 4;

/** The emit of socket.io with a typed payload and ack, on a socket that fails after `timeout` ms. */
type TimedEmitter = { emitWithAck(event: string, payload: unknown): Promise<Ack<unknown>> };

async function emitOnce<E extends CommandName>(
  socket: AppSocket,
  event: E,
  payload: PayloadOf<E>,
): Promise<CommandResult<E>> {
  const emitter = socket.timeout(ACK_TIMEOUT_MS) as unknown as TimedEmitter;
  const ack = await emitter.emitWithAck(event, payload);
  if (!ack.ok) throw new ApiRequestError(ack.error.code, 0, ack.error.details);
  return ack.data as CommandResult<E>;
}

/** A command that only reads (join, leave): one try, a socket.io timeout error when unanswered. */
export function sendQuery<E extends Exclude<CommandName, MutatingCommand>>(
  socket: AppSocket,
  event: E,
  payload: PayloadOf<E>,
): Promise<CommandResult<E>> {
  return emitOnce(socket, event, payload);
}

/**
 * Sends a state-changing command with a fresh idempotency key. When no ack arrives in time (a
 * dropped connection, a slow server) it is sent again with the SAME key once the socket is
 * connected, so the server acts at most once. Refusals (`ok: false`) are thrown as ApiRequestError.
 */
export async function sendCommand<E extends MutatingCommand>(
  socket: AppSocket,
  event: E,
  payload: Omit<PayloadOf<E>, 'idempotencyKey'>,
): Promise<CommandResult<E>> {
  const full = { ...payload, idempotencyKey: newIdempotencyKey() } as PayloadOf<E>;
  for (let attempt = 1; ; attempt++) {
    try {
      return await emitOnce(socket, event, full);
    } catch (err) {
      if (err instanceof ApiRequestError || attempt >= MAX_ATTEMPTS) {
        throw err instanceof ApiRequestError ? err : new ApiRequestError('NETWORK', 0);
      }
      await connected(socket);
    }
  }
}

function connected(socket: AppSocket): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve) => socket.once('connect', () => resolve()));
}
