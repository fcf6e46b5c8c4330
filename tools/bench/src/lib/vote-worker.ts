/**
 * A child process holding many voters' socket.io clients for `bench -- vote-storm`, so that the
 * clients do not share the event loop of the server they measure. Driven over IPC by
 * lib/vote-pool.ts; the same code drives ours and the bare baseline (event names and payloads come
 * from the parent).
 */
import { io, Socket } from 'socket.io-client';

export type VoteWorkerCommand =
  | {
      cmd: 'connect';
      url: string;
      /** One auth token per client (ours) or null (bare). */
      tokens: (string | null)[];
      joinEvent: string;
      joinPayload: unknown;
      /** Where the final result arrives: the socket event, and (ours) the meeting event's `type`. */
      resultEvent: string;
      resultType?: string;
      spreadMs: number;
    }
  /** Each client sends one command (e.g. the check-in), `concurrency` of this worker's at a time. */
  | { cmd: 'command'; event: string; payloads: unknown[]; concurrency: number }
  /**
   * Each client casts its ballot at its own instant `at[i]` (ms, the machine's clock); clients with
   * `retry[i]` send the very same payload (same idempotency key) again while the first is in flight,
   * as a tablet does that lost its ack.
   */
  | { cmd: 'cast'; event: string; payloads: unknown[]; at: number[]; retry: boolean[] }
  /** Resolves when every client holds a result whose arrival is later than `since`, or after the timeout. */
  | { cmd: 'results'; since: number; timeoutMs: number }
  /**
   * Resolves once none of this worker's clients has received anything for `quietMs` (or after
   * `timeoutMs`): the set-up's broadcasts (a thousand check-ins, each to a thousand sockets) have
   * all arrived, so the storm does not measure the server still writing them.
   */
  | { cmd: 'settle'; quietMs: number; timeoutMs: number }
  | { cmd: 'close' };

export interface CastOutcome {
  ok: boolean;
  /** Emit → ack of the first send. */
  ackMs: number;
  error?: string;
  /** The ack's data (the receipt), to compare the first send with its retry. */
  data?: unknown;
  /** The retry's ack, when the client retried. */
  retry?: { ok: boolean; error?: string; data?: unknown };
}

export type VoteWorkerReply =
  | { type: 'joined'; failures: number; firstError?: string; retried: number }
  | { type: 'commanded'; failures: number; firstError?: string }
  | { type: 'cast'; outcomes: CastOutcome[] }
  /** Arrival instants of the result per client (null: none), and how many clients saw each distinct result. */
  | { type: 'results'; arrivals: (number | null)[]; results: Record<string, number> }
  /** Messages received while settling, and whether the clients went quiet before the timeout. */
  | { type: 'settled'; received: number; quiet: boolean }
  | { type: 'closed' };

interface Ack {
  ok: boolean;
  data?: unknown;
  error?: { code?: string; message?: string } | string;
}

const now = () => performance.timeOrigin + performance.now();

let sockets: Socket[] = [];
/** When any client of this worker last received anything, and how many messages in all. */
let lastMessageAt = 0;
let messages = 0;
/** Per client: the last result seen and when. */
let lastResult: { at: number; json: string }[] = [];

function send(reply: VoteWorkerReply): void {
  process.send?.(reply);
}

function describe(err: Error | null, ack: Ack | undefined): string {
  if (err) return err.message;
  const e = ack?.error;
  return typeof e === 'string' ? e : (e?.code ?? JSON.stringify(ack));
}

function emit(socket: Socket, event: string, payload: unknown): Promise<{ ack?: Ack; err: Error | null }> {
  return new Promise((resolve) => {
    socket.timeout(30_000).emit(event, payload, (err: Error | null, ack: Ack) => resolve({ err, ack }));
  });
}

/** One attempt to connect and join client i; resolves with the socket, and the error if it failed. */
function joinOnce(
  c: Extract<VoteWorkerCommand, { cmd: 'connect' }>,
  token: string | null,
  i: number,
): Promise<{ socket: Socket; error?: string }> {
  return new Promise((resolve) => {
    const socket = io(c.url, {
      transports: ['websocket'],
      auth: token ? { token } : {},
      reconnection: false,
      forceNew: true,
      timeout: 30_000,
    });
    socket.onAny(() => {
      lastMessageAt = now();
      messages++;
    });
    const onResult = (payload: { type?: string; payload?: unknown }) => {
      if (c.resultType && payload?.type !== c.resultType) return;
      lastResult[i] = { at: now(), json: JSON.stringify(c.resultType ? payload.payload : payload) };
    };
    socket.on(c.resultEvent, onResult);
    // Ours: events that queued behind one being written come as one `meeting.events` array.
    socket.on(`${c.resultEvent}s`, (batch: { type?: string; payload?: unknown }[]) =>
      batch.forEach(onResult),
    );
    // Settles once: joined, or failed (refused, dropped before its join was answered, or no answer
    // in time) — a dropped handshake fires neither `connect` nor `connect_error` otherwise.
    let settled = false;
    const settle = (error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      if (error !== undefined) socket.disconnect();
      resolve({ socket, error });
    };
    const deadline = setTimeout(() => settle('no join within 60 s'), 60_000);
    socket.on('connect_error', (err) => settle(`connect_error: ${err.message}`));
    socket.on('disconnect', (reason) => settle(`disconnected before joining: ${reason}`));
    socket.on('connect', () => {
      void emit(socket, c.joinEvent, c.joinPayload).then(({ err, ack }) =>
        settle(err || !ack?.ok ? describe(err, ack) : undefined),
      );
    });
  });
}

async function connectAll(c: Extract<VoteWorkerCommand, { cmd: 'connect' }>): Promise<void> {
  let failures = 0;
  let retried = 0;
  let firstError: string | undefined;
  const step = c.tokens.length > 1 ? c.spreadMs / c.tokens.length : 0;
  lastResult = c.tokens.map(() => ({ at: 0, json: '' }));
  sockets = await Promise.all(
    c.tokens.map(async (token, i) => {
      await new Promise((r) => setTimeout(r, i * step));
      // Joining is set-up, not measured: a client that could not join (a loaded machine) tries
      // again, up to three times in all; the count of such retries is reported.
      for (let attempt = 1; ; attempt++) {
        const { socket, error } = await joinOnce(c, token, i);
        if (error === undefined) return socket;
        firstError ??= error;
        if (attempt === 3) {
          failures++;
          return socket;
        }
        retried++;
      }
    }),
  );
  send({ type: 'joined', failures, firstError, retried });
}

async function commandAll(c: Extract<VoteWorkerCommand, { cmd: 'command' }>): Promise<void> {
  let failures = 0;
  let firstError: string | undefined;
  let next = 0;
  const lane = async () => {
    while (next < sockets.length) {
      const i = next++;
      const { err, ack } = await emit(sockets[i], c.event, c.payloads[i]);
      if (err || !ack?.ok) {
        failures++;
        firstError ??= describe(err, ack);
      }
    }
  };
  await Promise.all(Array.from({ length: c.concurrency }, lane));
  send({ type: 'commanded', failures, firstError });
}

async function castAll(c: Extract<VoteWorkerCommand, { cmd: 'cast' }>): Promise<void> {
  const outcomes = await Promise.all(
    sockets.map(
      (socket, i) =>
        new Promise<CastOutcome>((resolve) => {
          setTimeout(
            () => {
              const start = now();
              const first = emit(socket, c.event, c.payloads[i]).then(({ err, ack }) => ({
                ackMs: now() - start,
                ok: !err && !!ack?.ok,
                error: err || !ack?.ok ? describe(err, ack) : undefined,
                data: ack?.data,
              }));
              const again = c.retry[i]
                ? emit(socket, c.event, c.payloads[i]).then(({ err, ack }) => ({
                    ok: !err && !!ack?.ok,
                    error: err || !ack?.ok ? describe(err, ack) : undefined,
                    data: ack?.data,
                  }))
                : Promise.resolve(undefined);
              void Promise.all([first, again]).then(([o, retry]) => resolve({ ...o, retry }));
            },
            Math.max(0, c.at[i] - now()),
          );
        }),
    ),
  );
  send({ type: 'cast', outcomes });
}

async function awaitResults(c: Extract<VoteWorkerCommand, { cmd: 'results' }>): Promise<void> {
  const deadline = now() + c.timeoutMs;
  while (lastResult.some((r) => r.at < c.since) && now() < deadline) {
    await new Promise((r) => setTimeout(r, 5));
  }
  const results: Record<string, number> = {};
  for (const r of lastResult) if (r.at >= c.since) results[r.json] = (results[r.json] ?? 0) + 1;
  send({ type: 'results', arrivals: lastResult.map((r) => (r.at >= c.since ? r.at : null)), results });
}

async function settle(c: Extract<VoteWorkerCommand, { cmd: 'settle' }>): Promise<void> {
  const from = messages;
  const deadline = now() + c.timeoutMs;
  lastMessageAt = Math.max(lastMessageAt, now());
  while (now() - lastMessageAt < c.quietMs && now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
  }
  send({ type: 'settled', received: messages - from, quiet: now() - lastMessageAt >= c.quietMs });
}

process.on('message', (c: VoteWorkerCommand) => {
  if (c.cmd === 'connect') void connectAll(c);
  if (c.cmd === 'command') void commandAll(c);
  if (c.cmd === 'cast') void castAll(c);
  if (c.cmd === 'results') void awaitResults(c);
  if (c.cmd === 'settle') void settle(c);
  if (c.cmd === 'close') {
    for (const s of sockets) s.disconnect();
    sockets = [];
    send({ type: 'closed' });
    setTimeout(() => process.exit(0), 50);
  }
});
