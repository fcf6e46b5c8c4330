/**
 * A child process holding many socket.io clients, so that the clients do not share the event
 * loop of the server they measure. Driven over IPC by lib/client-pool.ts.
 */
import { io, Socket } from 'socket.io-client';

export type WorkerCommand =
  | {
      cmd: 'connect';
      url: string;
      /** One auth token per client (ours) or none (bare). */
      tokens: (string | null)[];
      joinEvent: string;
      joinPayload: unknown;
      eventName: string;
      /** Spread the connections over this many milliseconds. */
      spreadMs: number;
    }
  | { cmd: 'collect' }
  | { cmd: 'close' };

export type WorkerReply =
  | {
      type: 'joined';
      joinMs: number[];
      /** When each of joinMs's joins started (epoch ms, same order). */
      joinStartMs: number[];
      connectMs: number[];
      failures: number;
      firstError?: string;
      ackBytes: number;
    }
  | { type: 'collected'; latencies: number[]; received: Record<string, number> }
  | { type: 'closed' };

/** One mark per event; a batch (`<eventName>s`, e.g. `meeting.events`) carries several. */
const MARKS = /bench:(\d+(?:\.\d+)?):(\d+)/g;
const now = () => performance.timeOrigin + performance.now();

let sockets: Socket[] = [];
let latencies: number[] = [];
let received: Record<string, number> = {};

function send(reply: WorkerReply): void {
  process.send?.(reply);
}

async function connectAll(c: Extract<WorkerCommand, { cmd: 'connect' }>): Promise<void> {
  const joinMs: number[] = [];
  const joinStartMs: number[] = [];
  /** The handshake's part of each join time (connect → `connect` event). */
  const connectMs: number[] = [];
  let failures = 0;
  let firstError: string | undefined;
  let ackBytes = 0;
  const step = c.tokens.length > 1 ? c.spreadMs / c.tokens.length : 0;
  await Promise.all(
    c.tokens.map(
      (token, i) =>
        new Promise<void>((resolve) => {
          setTimeout(() => {
            const start = now();
            const socket = io(c.url, {
              transports: ['websocket'],
              auth: token ? { token } : {},
              reconnection: false,
              timeout: 30_000,
            });
            sockets.push(socket);
            const onPayload = (payload: unknown) => {
              const at = now();
              for (const m of JSON.stringify(payload).matchAll(MARKS)) {
                latencies.push(at - Number(m[1]));
                received[m[2]] = (received[m[2]] ?? 0) + 1;
              }
            };
            socket.on(c.eventName, onPayload);
            socket.on(`${c.eventName}s`, onPayload);
            socket.on('connect_error', (err) => {
              failures++;
              firstError ??= err.message;
              resolve();
            });
            socket.on('connect', () => {
              connectMs.push(now() - start);
              socket
                .timeout(30_000)
                .emit(
                  c.joinEvent,
                  c.joinPayload,
                  (err: Error | null, ack: { ok: boolean; error?: unknown }) => {
                    if (err || !ack?.ok) {
                      failures++;
                      firstError ??= err ? err.message : JSON.stringify(ack?.error);
                    } else {
                      joinMs.push(now() - start);
                      joinStartMs.push(start);
                      // Size of the join answer (the snapshot), measured outside the timed part on
                      // every 50th client: the largest (late joiners see the longest online list).
                      if (i % 50 === 49 || ackBytes === 0) {
                        ackBytes = Math.max(ackBytes, Buffer.byteLength(JSON.stringify(ack)));
                      }
                    }
                    resolve();
                  },
                );
            });
          }, i * step);
        }),
    ),
  );
  send({ type: 'joined', joinMs, joinStartMs, connectMs, failures, firstError, ackBytes });
}

process.on('message', (c: WorkerCommand) => {
  if (c.cmd === 'connect') void connectAll(c);
  if (c.cmd === 'collect') {
    send({ type: 'collected', latencies, received });
    latencies = [];
    received = {};
  }
  if (c.cmd === 'close') {
    for (const s of sockets) s.disconnect();
    sockets = [];
    send({ type: 'closed' });
    setTimeout(() => process.exit(0), 50);
  }
});
