import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { io, Socket } from 'socket.io-client';
import type { Ack } from '@phonghop/common';
import { createUsersWithTokens, OursServer, startOursServer } from './lib/ours-server';
import { benchLine, percentile, round } from './lib/stats';
import { now } from './lib/target';

/**
 * flood: one hostile socket sends commands at full speed in meeting A while 100 well-behaved
 * clients use meeting B at a person's pace (each re-reads the room with `meeting.join { sinceSeq }`
 * every `readEveryMs`, 5 s by default — a tablet catching up; B's chair changes the agenda once a second). The figure is the well-behaved
 * commands' p99 latency with the flood against the same without it, measured in the same run on
 * the same server: `ratio` = p99 with / p99 without (target ≤ 1.5).
 */
export interface FloodOptions {
  clients: number;
  seconds: number;
  inFlight: number;
  /** Each well-behaved client re-reads the room this often. */
  readEveryMs: number;
  /** Lift the socket rate limits and the per-meeting queue, to see what they buy. */
  unprotected: boolean;
}

export interface FloodResult {
  p99Quiet: number;
  p99Flood: number;
  commandsQuiet: number;
  commandsFlood: number;
  errors: number;
  flood: { sent: number; accepted: number; rateLimited: number; other: number };
}

type AnySocket = Socket;

async function rest<T>(
  server: OursServer,
  token: string,
  method: string,
  p: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${p}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

function connect(url: string, token: string): Promise<AnySocket> {
  const s = io(url, { transports: ['websocket'], auth: { token }, reconnection: false });
  return new Promise((resolve, reject) => {
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

async function meeting(server: OursServer, token: string, title: string, live: boolean) {
  const t = Date.now();
  const m = await rest<{ id: string }>(server, token, 'POST', '/meetings', {
    title,
    kind: 'people_committee',
    startsAt: new Date(t + 86_400_000).toISOString(),
    endsAt: new Date(t + 90_000_000).toISOString(),
    location: 'Hội trường',
  });
  const item = await rest<{ id: string }>(server, token, 'POST', `/meetings/${m.id}/agenda`, {
    title: 'Mục 1',
  });
  await rest(server, token, 'POST', `/meetings/${m.id}/transitions`, { to: 'scheduled' });
  if (live)
    await rest(server, token, 'POST', `/meetings/${m.id}/transitions`, { to: 'live', confirmNoQuorum: true });
  return { id: m.id, itemId: item.id };
}

/** The well-behaved side for `seconds`: returns each command's latency (ms) and the errors. */
async function wellBehaved(
  clients: AnySocket[],
  chair: AnySocket,
  meetingId: string,
  itemId: string,
  seconds: number,
  readEveryMs: number,
  seqs: number[],
): Promise<{ latencies: number[]; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const end = now() + seconds * 1000;
  const timed = async (send: () => Promise<Ack<unknown>>) => {
    const start = now();
    try {
      const ack = await send();
      if (ack.ok) latencies.push(now() - start);
      else errors += 1;
    } catch {
      errors += 1;
    }
  };
  const readers = clients.map(async (s, i) => {
    await new Promise((r) => setTimeout(r, (i * readEveryMs) / clients.length)); // spread evenly
    while (now() < end) {
      const next = now() + readEveryMs;
      await timed(async () => {
        const ack = (await s.timeout(30_000).emitWithAck('meeting.join', {
          meetingId,
          ...(seqs[i] > 0 ? { sinceSeq: seqs[i] } : {}),
        })) as Ack<{ kind: string; seq?: number; snapshot?: { seq: number } }>;
        if (ack.ok) seqs[i] = ack.data.seq ?? ack.data.snapshot?.seq ?? seqs[i];
        return ack;
      });
      await new Promise((r) => setTimeout(r, Math.max(0, next - now())));
    }
  });
  const writer = (async () => {
    let n = 0;
    while (now() < end) {
      const next = now() + 1000;
      await timed(
        async () =>
          (await chair.timeout(30_000).emitWithAck('agenda.update', {
            meetingId,
            idempotencyKey: randomUUID(),
            itemId,
            title: `Mục 1 (${++n})`,
          })) as Ack<unknown>,
      );
      await new Promise((r) => setTimeout(r, Math.max(0, next - now())));
    }
  })();
  await Promise.all([...readers, writer]);
  return { latencies, errors };
}

export async function measureFlood(o: FloodOptions): Promise<FloodResult> {
  const server = await startOursServer(
    o.unprotected
      ? {
          SOCKET_WRITE_PER_SECOND: '1000000',
          SOCKET_READ_PER_SECOND: '1000000',
          MEETING_COMMAND_CONCURRENCY: '1000',
          MEETING_COMMAND_QUEUE: '1000000',
        }
      : {},
  );
  try {
    const [chairB] = await createUsersWithTokens(server, 1, 'flood-chair-', 'admin');
    const [hostile] = await createUsersWithTokens(server, 1, 'flood-hostile-');
    const delegates = await createUsersWithTokens(server, o.clients, 'flood-delegate-');
    const b = await meeting(server, chairB.token, 'Họp của người tử tế', true);
    for (const d of delegates) {
      await rest(server, chairB.token, 'POST', `/meetings/${b.id}/participants`, {
        userId: d.id,
        role: 'delegate',
      });
    }
    // Meeting A is the hostile user's own (they created it, so they are its secretary and may edit its agenda).
    const a = await meeting(server, hostile.token, 'Họp của kẻ phá', false);

    const clients = await Promise.all(delegates.map((d) => connect(server.url, d.token)));
    const chair = await connect(server.url, chairB.token);
    process.stderr.write(`  ${clients.length} clients connected; quiet phase ${o.seconds}s\n`);
    const seqs = clients.map(() => 0); // each client's last seq, kept across the phases
    await wellBehaved(clients, chair, b.id, b.itemId, 3, o.readEveryMs, seqs); // warm-up, not counted
    const quiet = await wellBehaved(clients, chair, b.id, b.itemId, o.seconds, o.readEveryMs, seqs);

    const worker = fork(
      path.join(__dirname, 'lib/flood-worker.js'),
      [
        JSON.stringify({
          url: server.url,
          token: hostile.token,
          meetingId: a.id,
          itemId: a.itemId,
          inFlight: o.inFlight,
        }),
      ],
      { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
    );
    await new Promise<void>((resolve, reject) =>
      worker.once('message', (m: { type: string; error?: string }) =>
        m.type === 'started' ? resolve() : reject(new Error(m.error)),
      ),
    );
    process.stderr.write(`  flood started (${o.inFlight} in flight); flood phase ${o.seconds}s\n`);
    await new Promise((r) => setTimeout(r, 1000));
    const flooded = await wellBehaved(clients, chair, b.id, b.itemId, o.seconds, o.readEveryMs, seqs);
    const flood = await new Promise<FloodResult['flood']>((resolve) => {
      worker.on('message', (m: { type: string; counts: FloodResult['flood'] }) => {
        if (m.type === 'stopped') resolve(m.counts);
      });
      worker.send({ cmd: 'stop' });
    });
    clients.forEach((s) => s.disconnect());
    chair.disconnect();
    return {
      p99Quiet: percentile(quiet.latencies, 99),
      p99Flood: percentile(flooded.latencies, 99),
      commandsQuiet: quiet.latencies.length,
      commandsFlood: flooded.latencies.length,
      errors: quiet.errors + flooded.errors,
      flood,
    };
  } finally {
    await server.stop();
  }
}

export function floodLine(o: FloodOptions, r: FloodResult): string {
  return benchLine('flood', {
    protections: o.unprotected ? 'off' : 'on',
    clients: o.clients,
    seconds: o.seconds,
    p99_quiet_ms: round(r.p99Quiet),
    p99_flood_ms: round(r.p99Flood),
    commands_quiet: r.commandsQuiet,
    commands_flood: r.commandsFlood,
    well_behaved_errors: r.errors,
    hostile_sent: r.flood.sent,
    hostile_accepted: r.flood.accepted,
    hostile_rate_limited: r.flood.rateLimited,
    ratio: round(r.p99Flood / r.p99Quiet, 2),
    target: '<=1.5',
  });
}
