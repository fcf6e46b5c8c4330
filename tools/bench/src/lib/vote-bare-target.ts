import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import { io } from 'socket.io-client';
import type { VoteTarget } from './vote-target';

/**
 * The baseline target: lib/vote-bare-server.ts in its own process, on the given PostgreSQL (the
 * run uses ours's database server, so both write to the same PostgreSQL). An organiser socket
 * closes the poll.
 */
export async function startBareVoteTarget(voters: number, databaseUrl: string): Promise<VoteTarget> {
  const child = fork(path.join(__dirname, 'vote-bare-server.js'), [databaseUrl], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { url: string }) => resolve(m.url));
    child.once('exit', (code) => reject(new Error(`the bare vote server exited (${code})`)));
  });
  const organiser = io(url, { transports: ['websocket'] });
  await new Promise<void>((resolve) => organiser.once('connect', () => resolve()));
  const pollId = randomUUID();
  const voterIds = Array.from({ length: voters }, () => randomUUID());
  return {
    name: 'bare',
    url,
    tokens: voterIds.map(() => null),
    joinEvent: 'join',
    joinPayload: {},
    options: ['yes', 'no', 'abstain'],
    open: async () => undefined,
    castEvent: 'cast',
    castPayload: (i, option, idempotencyKey) => ({
      pollId,
      voterId: voterIds[i],
      idempotencyKey,
      choice: option,
    }),
    resultEvent: 'poll.result',
    close: async () => {
      const ack = (await organiser.timeout(30_000).emitWithAck('close', { pollId })) as { ok: boolean };
      if (!ack.ok) throw new Error('bare close failed');
    },
    countsOf: (json) => (JSON.parse(json) as { counts: Record<string, number> }).counts,
    audit: async (receipts) => {
      const db = new Client({ connectionString: databaseUrl });
      await db.connect();
      try {
        const { rows } = await db.query<{ idempotency_key: string }>(
          'SELECT idempotency_key FROM bench_ballots WHERE poll_id = $1',
          [pollId],
        );
        const stored = new Set(rows.map((r) => r.idempotency_key));
        const acked = new Set(receipts);
        return {
          missing: [...acked].filter((r) => !stored.has(r)).length,
          extra: [...stored].filter((r) => !acked.has(r)).length,
        };
      } finally {
        await db.end();
      }
    },
    stop: async () => {
      organiser.disconnect();
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send({ cmd: 'stop' });
      });
    },
  };
}
