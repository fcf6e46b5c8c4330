import type { Ack } from '@phonghop/common';
import { ApiRequestError } from '../../../lib/api-error';
import type { AppSocket } from '../../../lib/socket';

const ACK_TIMEOUT_MS = 8_000;

type TimedEmitter = { emitWithAck(event: string, payload: unknown): Promise<Ack<unknown>> };

/**
 * One emit with an ack and a timeout. A refusal (`ok: false`) is thrown as ApiRequestError with the
 * server's code; no answer in time (or a dropped socket) as `NETWORK`, which the caller may retry.
 */
export async function emitWithAck<T>(socket: AppSocket, event: string, payload: unknown): Promise<T> {
  let ack: Ack<unknown>;
  try {
    ack = await (socket.timeout(ACK_TIMEOUT_MS) as unknown as TimedEmitter).emitWithAck(event, payload);
  } catch {
    throw new ApiRequestError('NETWORK', 0);
  }
  if (!ack.ok) throw new ApiRequestError(ack.error.code, 0, ack.error.details);
  return ack.data as T;
}

/** Resolves once the socket is connected (at once when it is). */
export function whenConnected(socket: AppSocket): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve) => socket.once('connect', () => resolve()));
}
