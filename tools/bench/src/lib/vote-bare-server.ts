/**
 * The baseline of `bench -- vote-storm`, run as its own process (as ours is): a bare socket.io
 * server that writes one row per ballot with `pg` and acknowledges after the commit. No auth, no
 * meeting lock, no event log, no receipt table — the least any server must do to keep a ballot.
 *
 * - `join`  → joins the one room;
 * - `cast`  { pollId, voterId, idempotencyKey, choice } → INSERT (a retried key or a second ballot
 *   of the same voter writes nothing) → ack { ok, data: { receipt } };
 * - `close` { pollId } → counts per choice → broadcasts `poll.result` to the room → ack.
 *
 * Started with fork(); argv[2] is the PostgreSQL URL; it answers { url } over IPC once listening.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { Server } from 'socket.io';

interface CastPayload {
  pollId: string;
  voterId: string;
  idempotencyKey: string;
  choice: string;
}

type Ack = (r: unknown) => void;

async function main(): Promise<void> {
  // Pool size as ours (apps/api/src/database/data-source.ts: extra.max 20).
  const pool = new Pool({ connectionString: process.argv[2], max: 20 });
  await pool.query(`DROP TABLE IF EXISTS bench_ballots`);
  await pool.query(`CREATE TABLE bench_ballots (
    poll_id uuid NOT NULL,
    voter_id uuid NOT NULL,
    idempotency_key uuid NOT NULL UNIQUE,
    choice text NOT NULL,
    PRIMARY KEY (poll_id, voter_id))`);
  // Open every pooled connection now, as ours has long done by the time its voters cast: the
  // storm measures writing ballots, not connecting to PostgreSQL.
  const held = await Promise.all(Array.from({ length: 20 }, () => pool.connect()));
  held.forEach((c) => c.release());

  const httpServer = http.createServer();
  const io = new Server(httpServer, { serveClient: false });
  io.on('connection', (socket) => {
    socket.on('join', async (_payload: unknown, ack: Ack) => {
      await socket.join('room');
      ack({ ok: true, data: {} });
    });
    socket.on('cast', async (p: CastPayload, ack: Ack) => {
      try {
        // One statement is its own transaction: the ack below follows the commit.
        await pool.query(
          `INSERT INTO bench_ballots (poll_id, voter_id, idempotency_key, choice) VALUES ($1, $2, $3, $4)
           ON CONFLICT DO NOTHING`,
          [p.pollId, p.voterId, p.idempotencyKey, p.choice],
        );
        ack({ ok: true, data: { receipt: p.idempotencyKey } });
      } catch (err) {
        ack({ ok: false, error: { code: 'INTERNAL', message: (err as Error).message } });
      }
    });
    socket.on('close', async (p: { pollId: string }, ack: Ack) => {
      const { rows } = await pool.query<{ choice: string; n: string }>(
        `SELECT choice, count(*) AS n FROM bench_ballots WHERE poll_id = $1 GROUP BY choice`,
        [p.pollId],
      );
      const counts = Object.fromEntries(rows.map((r) => [r.choice, Number(r.n)]));
      io.to('room').emit('poll.result', { pollId: p.pollId, counts });
      ack({ ok: true, data: { counts } });
    });
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  process.send?.({ url: `http://127.0.0.1:${port}` });
  process.on('message', (m: { cmd: string }) => {
    if (m.cmd !== 'stop') return;
    io.close(() => {
      void pool
        .query('DROP TABLE IF EXISTS bench_ballots')
        .finally(() => pool.end())
        .finally(() => process.exit(0));
    });
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
