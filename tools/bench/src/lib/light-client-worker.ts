/**
 * A child process holding thousands of light clients: raw WebSocket connections speaking the
 * socket.io protocol by hand (engine.io v4 frames, socket.io v5 packets), without socket.io-client's
 * per-socket machinery, so one process can hold 2,500 of them. Driven over IPC by conference.ts.
 *
 * Frames: `0{…}` engine open → we send `40{auth}` (socket.io CONNECT) → `40{sid}`; we send
 * `420["<join>",payload]` (event with ack id 0) → `430[ack]`; the server's `2` (ping) is answered
 * `3`; `42["<event>",payload]` are the broadcasts.
 */
import WebSocket from 'ws';

export type LightCommand =
  | {
      cmd: 'connect';
      /** One URL per client (clients alternate between the nodes). */
      urls: string[];
      tokens: (string | null)[];
      joinEvent: string;
      joinPayload: unknown;
      eventName: string;
      spreadMs: number;
    }
  | { cmd: 'collect' }
  | { cmd: 'close' };

export type LightReply =
  | { type: 'joined'; joinMs: number[]; failures: number; firstError?: string }
  /** `received`: per joined client, the distinct events received since the last collect. */
  | { type: 'collected'; latencies: number[]; received: number[] }
  | { type: 'closed' };

/** One mark per event; a batch (`<eventName>s`, e.g. `meeting.events`) carries several. */
const MARKS = /bench:(\d+(?:\.\d+)?):(\d+)/g;
const now = () => performance.timeOrigin + performance.now();

const sockets: WebSocket[] = [];
let latencies: number[] = [];
/** Per client, the distinct event ids it received. */
let received: Set<number>[] = [];
/** Per client, whether its join was acknowledged (only those count for `lost`). */
const joinedFlags: boolean[] = [];

function send(reply: LightReply): void {
  process.send?.(reply);
}

function openOne(
  url: string,
  token: string | null,
  c: Extract<LightCommand, { cmd: 'connect' }>,
  index: number,
): Promise<{ ms?: number; error?: string }> {
  return new Promise((resolve) => {
    const start = now();
    const wsUrl = `${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
    const ws = new WebSocket(wsUrl, { perMessageDeflate: false });
    sockets.push(ws);
    received[index] = new Set();
    let done = false;
    const finish = (r: { ms?: number; error?: string }) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(r);
    };
    const timer = setTimeout(() => finish({ error: 'timeout' }), 30_000);
    ws.on('error', (err) => finish({ error: err.message }));
    ws.on('close', () => finish({ error: 'closed' }));
    ws.on('message', (data) => {
      const text = String(data);
      if (text === '2') {
        ws.send('3');
      } else if (text.startsWith('0')) {
        ws.send(`40${JSON.stringify(token ? { token } : {})}`);
      } else if (text.startsWith('40')) {
        ws.send(`420${JSON.stringify([c.joinEvent, c.joinPayload])}`);
      } else if (text.startsWith('44')) {
        finish({ error: `connect refused: ${text.slice(2, 200)}` });
      } else if (text.startsWith('430')) {
        const ok = text.startsWith('430[{"ok":true');
        finish(ok ? { ms: now() - start } : { error: text.slice(3, 200) });
      } else if (text.startsWith('42')) {
        // `42["meeting.event",…` or the batch `42["meeting.events",[…]]`.
        if (!text.startsWith(`42["${c.eventName}"`) && !text.startsWith(`42["${c.eventName}s"`)) return;
        const at = now();
        for (const m of text.matchAll(MARKS)) {
          latencies.push(at - Number(m[1]));
          received[index].add(Number(m[2]));
        }
      }
    });
  });
}

async function connectAll(c: Extract<LightCommand, { cmd: 'connect' }>): Promise<void> {
  const joinMs: number[] = [];
  let failures = 0;
  let firstError: string | undefined;
  const step = c.tokens.length > 1 ? c.spreadMs / c.tokens.length : 0;
  await Promise.all(
    c.tokens.map(
      (token, i) =>
        new Promise<void>((resolve) => {
          setTimeout(() => {
            void openOne(c.urls[i], token, c, i).then((r) => {
              joinedFlags[i] = r.ms !== undefined;
              if (r.ms !== undefined) joinMs.push(r.ms);
              else {
                failures += 1;
                firstError ??= r.error;
              }
              resolve();
            });
          }, i * step);
        }),
    ),
  );
  send({ type: 'joined', joinMs, failures, firstError });
}

process.on('message', (c: LightCommand) => {
  if (c.cmd === 'connect') void connectAll(c);
  if (c.cmd === 'collect') {
    send({
      type: 'collected',
      latencies,
      received: received.filter((_, i) => joinedFlags[i]).map((s) => s.size),
    });
    latencies = [];
    received = received.map(() => new Set());
  }
  if (c.cmd === 'close') {
    for (const s of sockets) s.terminate();
    send({ type: 'closed' });
    setTimeout(() => process.exit(0), 50);
  }
});
