import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { MeetingCommandResult, MeetingEventOf, PollCastResult } from '@phonghop/common';
import { startTestApp, TestApp } from '../test-app';
import { emit, key, ok, TestSocket } from '../meetings-kit';
import { REDIS_URL, redisSkipReason } from '../redis-probe';
import { recountFromDatabase } from './recount';
import {
  cast,
  CastPayload,
  closeSockets,
  castPayload,
  entitlements,
  joined,
  openPoll,
  VotingMeeting,
  votingMeeting,
} from './voting-kit';

/**
 * Two API nodes on one PostgreSQL and one Redis; every delegate's tablet is on node B, a real
 * `node apps/api/dist/main.js` process (so `npm run build` first). All ballots are sent at once and
 * node B is killed with SIGKILL as soon as the first acknowledgement arrives — the rest are in
 * flight: not yet read, in a transaction, or committed with the ack not yet sent. Every tablet
 * then reconnects to node A and sends its cast again with the same idempotency key, as the web app
 * does after a lost ack. Then: every ballot acknowledged before the kill is counted, with the
 * receipt it was given; every retry is acknowledged; each voter is counted exactly once.
 */
const skipReason = redisSkipReason();
if (skipReason) console.warn(`Skipping the node-kill voting test: ${skipReason}.`);
const describeWithRedis = skipReason ? describe.skip : describe;

const MAIN = path.resolve(__dirname, '../../dist/main.js');
const CHOICES = ['yes', 'no', 'abstain'];
const DELEGATES = 30;

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Node B: the built server on node A's database and Redis, with node A's signing secret. */
async function startNodeB(
  a: TestApp,
): Promise<{ url: string; child: ChildProcess; exited: Promise<unknown> }> {
  if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` before this test`);
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-nodeb-'));
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: a.db.url,
      REDIS_URL: REDIS_URL!,
      JWT_SECRET: a.config.JWT_SECRET,
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      WEB_DIST_DIR: '/nonexistent',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  void exited.then(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`node B exited during start:\n${output}`);
    const up = await fetch(`${url}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { url, child, exited };
    if (i > 240) throw new Error(`node B did not start in 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describeWithRedis('a node killed with ballots in flight', () => {
  let nodeA: TestApp;
  let m: VotingMeeting;
  let chair: TestSocket;
  const sockets: TestSocket[] = [];
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    nodeA = await startTestApp({ env: { REDIS_URL: REDIS_URL! } });
    m = await votingMeeting(nodeA, 'sigkill', { delegates: DELEGATES, withProxy: true });
    chair = await joined(nodeA, m.chair, m.meetingId);
    sockets.push(chair);
  }, 120_000);

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    // Node A asks the dead node B for its sockets until the adapter's request times out (5 s).
    await closeSockets(sockets, 6000);
    await nodeA?.close();
  });

  it.each([
    ['secret', true],
    ['named', false],
  ])(
    '%s poll: no acknowledged ballot is lost, retries on the other node count once',
    async (_name, secret) => {
      const nodeB = await startNodeB(nodeA);
      children.push(nodeB.child);
      const pollId = await openPoll(chair, m.meetingId, { secret });
      const ents = entitlements(m);
      const onB = new Map<string, TestSocket>();
      await Promise.all(
        m.delegates.map(async (d) => {
          const s = await joined({ url: nodeB.url }, d, m.meetingId);
          sockets.push(s);
          onB.set(d.id, s);
        }),
      );
      const payloads: CastPayload[] = ents.map((e, i) => castPayload(m.meetingId, pollId, e, CHOICES[i % 3]));

      // Everything at once; SIGKILL on the first acknowledgement.
      let killed = false;
      const first = await Promise.all(
        ents.map((e, i) =>
          cast(onB.get(e.holder.id)!, payloads[i]).then((ack) => {
            if (ack.ok && !killed) {
              killed = true;
              nodeB.child.kill('SIGKILL');
            }
            return ack;
          }),
        ),
      );
      await nodeB.exited;
      expect(killed).toBe(true);
      const ackedBefore = first.filter((a) => a.ok).length;
      // What the dead node had committed: acknowledged ballots plus those whose ack it never sent.
      const [{ n: committed }] = (await nodeA.dataSource.query(
        `SELECT count(*)::int AS n FROM ${secret ? 'poll_secret_markers' : 'poll_ballots'} WHERE poll_id = $1`,
        [pollId],
      )) as { n: number }[];
      expect(committed).toBeGreaterThanOrEqual(ackedBefore);
      console.log(
        `node B killed: ${ackedBefore} of ${ents.length} ballots acknowledged, ${committed - ackedBefore} ` +
          `more committed without an ack, ${ents.length - committed} not written`,
      );

      // Every tablet comes back on node A and retries with the same key.
      const onA = new Map<string, TestSocket>();
      for (const d of m.delegates) {
        const s = await joined(nodeA, d, m.meetingId);
        sockets.push(s);
        onA.set(d.id, s);
      }
      const retried = await Promise.all(ents.map((e, i) => cast(onA.get(e.holder.id)!, payloads[i])));
      const receipts = retried.map((ack, i) => {
        if (!ack.ok) throw new Error(`retry ${i} refused: ${ack.error.code} ${ack.error.message}`);
        const before = first[i];
        // Acknowledged before the kill: the same receipt now.
        if (before.ok) expect(ack.data.receipt).toBe((before.data as PollCastResult).receipt);
        return ack.data.receipt;
      });
      expect(new Set(receipts).size).toBe(ents.length);

      const closed = (
        ok(
          await emit(chair, 'poll.close', { meetingId: m.meetingId, idempotencyKey: key(), pollId }),
        ) as MeetingCommandResult
      ).event as MeetingEventOf<'poll.closed'>;
      const expected = Object.fromEntries(
        CHOICES.map((c) => [c, payloads.filter((p) => p.choices[0] === c).length]),
      );
      const result = closed.payload.result;
      expect(result.cast).toBe(ents.length);
      expect(Object.fromEntries(result.options.map((o) => [o.optionId, o.count]))).toEqual(expected);

      const recount = await recountFromDatabase(nodeA.dataSource, pollId);
      expect(recount.counts).toEqual(expected);
      expect(recount.ballots).toBe(ents.length);
      expect(recount.voted).toBe(ents.length);
      expect(recount.ballotsHash).toBe(closed.payload.ballotsHash);

      const published = (
        ok(
          await emit(chair, 'poll.publish', { meetingId: m.meetingId, idempotencyKey: key(), pollId }),
        ) as MeetingCommandResult
      ).event as MeetingEventOf<'poll.published'>;
      expect([...published.payload.receipts].sort()).toEqual([...receipts].sort());
    },
    180_000,
  );
});
