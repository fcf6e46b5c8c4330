import { ChildProcess, fork } from 'node:child_process';
import { startBareServer } from './lib/bare-server';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { io, Socket } from 'socket.io-client';
import type { Ack } from '@phonghop/common';
import type { LightCommand, LightReply } from './lib/light-client-worker';
import { startOursServer } from './lib/ours-server';
import { buildBenchMeeting } from './lib/ours-target';
import { benchLine, percentile, round } from './lib/stats';

/**
 * conference: N light clients (raw websockets speaking the socket.io protocol) in ONE meeting,
 * spread over two API nodes sharing PostgreSQL and the Redis adapter. They join within a window
 * (default 25 s, target 30 s), then the chair (on node 1) changes the agenda `events` times; every
 * client must receive every event (lost = 0). Beside it, the same clients on two bare socket.io
 * nodes with the same Redis adapter. Prints join p99, event p99, lost and memory per connection.
 */
export interface ConferenceOptions {
  clients: number;
  events: number;
  /** Agenda events per second. */
  rate: number;
  windowMs: number;
  workers: number;
  redisUrl: string;
}

interface Side {
  joinP99: number;
  eventP99: number;
  lost: number;
  failures: number;
  firstError?: string;
  kbPerConnection: number;
  joinBytes?: number;
}

/** Resident memory of a process, in KB (Linux /proc). */
function rssKb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

class LightPool {
  private readonly workers: ChildProcess[];

  constructor(count: number) {
    this.workers = Array.from({ length: count }, () =>
      fork(path.join(__dirname, 'lib/light-client-worker.js'), [], {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        execArgv: ['--max-old-space-size=2048'],
      }),
    );
  }

  private ask<T extends LightReply['type']>(
    w: ChildProcess,
    c: LightCommand,
    type: T,
  ): Promise<Extract<LightReply, { type: T }>> {
    return new Promise((resolve) => {
      const on = (r: LightReply) => {
        if (r.type !== type) return;
        w.off('message', on);
        resolve(r as Extract<LightReply, { type: T }>);
      };
      w.on('message', on);
      w.send(c);
    });
  }

  async connect(o: Omit<Extract<LightCommand, { cmd: 'connect' }>, 'cmd'>) {
    const n = this.workers.length;
    const replies = await Promise.all(
      this.workers.map((w, i) =>
        this.ask(
          w,
          {
            cmd: 'connect',
            ...o,
            urls: o.urls.filter((_, j) => j % n === i),
            tokens: o.tokens.filter((_, j) => j % n === i),
            // Each worker spreads its share over the whole window.
          },
          'joined',
        ),
      ),
    );
    return {
      joinMs: replies.flatMap((r) => r.joinMs),
      failures: replies.reduce((s, r) => s + r.failures, 0),
      firstError: replies.find((r) => r.firstError)?.firstError,
    };
  }

  async collect() {
    const replies = await Promise.all(this.workers.map((w) => this.ask(w, { cmd: 'collect' }, 'collected')));
    return {
      latencies: replies.flatMap((r) => r.latencies),
      received: replies.flatMap((r) => r.received),
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => this.ask(w, { cmd: 'close' }, 'closed')));
  }
}

/** Joins the clients, publishes the events, and measures; the same for both sides. */
async function measure(
  o: ConferenceOptions,
  side: {
    urls: [string, string];
    pids: [number, number];
    tokens: (string | null)[];
    joinEvent: string;
    joinPayload: unknown;
    eventName: string;
    publish(id: number, sentAt: number): Promise<void>;
  },
): Promise<Side> {
  const before = side.pids.map(rssKb);
  const pool = new LightPool(o.workers);
  try {
    const joined = await pool.connect({
      urls: side.tokens.map((_, i) => side.urls[i % 2]),
      tokens: side.tokens,
      joinEvent: side.joinEvent,
      joinPayload: side.joinPayload,
      eventName: side.eventName,
      spreadMs: o.windowMs,
    });
    // Let the join storm's presence deltas and garbage settle before reading memory.
    await new Promise((r) => setTimeout(r, 3000));
    const after = side.pids.map(rssKb);
    const joinedCount = joined.joinMs.length;
    process.stderr.write(`  joined ${joinedCount}/${side.tokens.length}, publishing ${o.events} events\n`);
    await pool.collect(); // drop anything before the events
    const sends: Promise<void>[] = [];
    for (let id = 1; id <= o.events; id++) {
      const sentAt = performance.timeOrigin + performance.now();
      sends.push(
        side.publish(id, sentAt).catch((e: Error) => {
          process.stderr.write(`  publish: ${e.message}\n`);
        }),
      );
      await new Promise((r) => setTimeout(r, 1000 / o.rate));
    }
    await Promise.all(sends);
    // Wait until everyone has everything, or 20 s.
    let collected = { latencies: [] as number[], received: [] as number[] };
    const all: number[] = [];
    const got = new Array<number>(joinedCount).fill(0);
    for (let waited = 0; waited < 20_000; waited += 1000) {
      await new Promise((r) => setTimeout(r, 1000));
      collected = await pool.collect();
      // (Not push(...): 5,000 clients × 50 events is more arguments than a call takes.)
      for (const ms of collected.latencies) all.push(ms);
      collected.received.forEach((n, i) => (got[i] += n));
      if (got.reduce((s, n) => s + n, 0) >= joinedCount * o.events) break;
    }
    // Every joined client must have every event (an id received twice counts once).
    const lost = got.reduce((s, n) => s + Math.max(0, o.events - n), 0);
    return {
      joinP99: percentile(joined.joinMs, 99),
      eventP99: percentile(all, 99),
      lost,
      failures: joined.failures,
      firstError: joined.firstError,
      kbPerConnection: (after[0] - before[0] + after[1] - before[1]) / Math.max(1, joinedCount),
    };
  } finally {
    await pool.close();
  }
}

async function connected(socket: Socket): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

export async function measureConference(o: ConferenceOptions): Promise<{ ours?: Side; bare?: Side }> {
  const only = process.argv[process.argv.indexOf('--only') + 1];
  const result: { ours?: Side; bare?: Side } = {};

  if (only !== 'ours') {
    process.stderr.write('bare: two socket.io nodes with the Redis adapter\n');
    const nodes = [
      await startBareServer(20 * 1024, { redisUrl: o.redisUrl }),
      await startBareServer(20 * 1024, { redisUrl: o.redisUrl }),
    ];
    const urls: [string, string] = [nodes[0].url, nodes[1].url];
    const publisher = io(urls[0], { transports: ['websocket'] });
    await connected(publisher);
    try {
      result.bare = await measure(o, {
        urls,
        pids: [nodes[0].pid, nodes[1].pid],
        tokens: Array.from({ length: o.clients }, () => null),
        joinEvent: 'join',
        joinPayload: {},
        eventName: 'bench.event',
        publish: async (id, sentAt) => {
          await publisher.timeout(30_000).emitWithAck('publish', { title: `bench:${sentAt}:${id}` });
        },
      });
    } finally {
      publisher.disconnect();
      await Promise.all(nodes.map((n) => n.close()));
    }
  }

  if (only !== 'bare') {
    process.stderr.write('ours: two API nodes, one PostgreSQL, the Redis adapter\n');
    const env = {
      REDIS_URL: o.redisUrl,
      SOCKET_WRITE_PER_SECOND: '1000000',
      MEETING_COMMAND_QUEUE: '1000000',
    };
    const node1 = await startOursServer(env);
    const node2 = await startOursServer(
      { ...env, DATABASE_URL: node1.databaseUrl, JWT_SECRET: node1.jwtSecret },
      2,
    ).catch(async (err: unknown) => {
      // The first node must not outlive a failed start of the second.
      await node1.stop();
      throw err;
    });
    try {
      process.stderr.write(`  building a meeting of ${o.clients} through the API …\n`);
      const { meeting, item, chair, delegates } = await buildBenchMeeting(node1, o.clients);
      const chairSocket = io(node1.url, { transports: ['websocket'], auth: { token: chair.token } });
      await connected(chairSocket);
      const joined = (await chairSocket.emitWithAck('meeting.join', {
        meetingId: meeting.id,
      })) as Ack<unknown>;
      if (!joined.ok) throw new Error(`chair join failed: ${joined.error.code}`);
      result.ours = await measure(o, {
        urls: [node1.url, node2.url],
        pids: [node1.pid, node2.pid],
        tokens: delegates.map((d) => d.token),
        joinEvent: 'meeting.join',
        joinPayload: { meetingId: meeting.id },
        eventName: 'meeting.event',
        publish: async (id, sentAt) => {
          const ack = (await chairSocket.timeout(30_000).emitWithAck('agenda.update', {
            meetingId: meeting.id,
            idempotencyKey: randomUUID(),
            itemId: item.id,
            title: `bench:${sentAt}:${id}`,
          })) as Ack<unknown>;
          if (!ack.ok) throw new Error(ack.error.code);
        },
      });
      chairSocket.disconnect();
    } finally {
      await node2.stop();
      await node1.stop();
    }
  }
  return result;
}

export function conferenceLine(o: ConferenceOptions, r: { ours?: Side; bare?: Side }): string {
  const f = (s: Side | undefined, k: keyof Side) => (s ? round(Number(s[k])) : 'n/a');
  return benchLine('conference', {
    clients: o.clients,
    nodes: 2,
    events: o.events,
    ours_join_p99_ms: f(r.ours, 'joinP99'),
    bare_join_p99_ms: f(r.bare, 'joinP99'),
    ours_event_p99_ms: f(r.ours, 'eventP99'),
    bare_event_p99_ms: f(r.bare, 'eventP99'),
    ours_lost: f(r.ours, 'lost'),
    bare_lost: f(r.bare, 'lost'),
    ours_failures: f(r.ours, 'failures'),
    bare_failures: f(r.bare, 'failures'),
    ours_kb_per_conn: f(r.ours, 'kbPerConnection'),
    bare_kb_per_conn: f(r.bare, 'kbPerConnection'),
    join_ratio: r.ours && r.bare ? round(r.ours.joinP99 / r.bare.joinP99, 2) : 'n/a',
    target: 'join<=30000ms,lost=0',
  });
}
