import type { MeetingCommandResult, MeetingEventOf } from '@phonghop/common';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../../../test/test-database';
import { startTestApp, TestApp } from '../../../test/test-app';
import {
  addParticipant,
  connect,
  createMeeting,
  emit,
  eventually,
  key,
  ok,
  person,
  TestSocket,
  transition,
} from '../../../test/meetings-kit';
import { verifyPoll } from './poll-verify';

/**
 * A poll with a duration closes on time even when the node that opened it — the one holding its
 * timer — is gone: every node sweeps overdue open polls from the database and closes them through
 * the same command (PollsService.sweepOverdue / closeOverdue).
 */
describe('closing a poll on time without the node that opened it', () => {
  let db: TestDatabase;
  let nodeA: TestApp | undefined;
  let nodeB: TestApp | undefined;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    nodeA = await startTestApp({ db });
  });

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await nodeA?.close();
    await nodeB?.close();
    await db?.drop();
  });

  it('another node closes the overdue poll (as the system, byTimer) and counts its ballots', async () => {
    const a = nodeA!;
    const secretary = await person(a, 'thuky-sweep');
    const chair = await person(a, 'chutri-sweep');
    const delegate = await person(a, 'daibieu-sweep');
    const m = await createMeeting(a, secretary);
    await addParticipant(a, secretary, m.id, chair, 'chair');
    await addParticipant(a, secretary, m.id, delegate, 'delegate');
    await transition(a, secretary, m.id, 'scheduled');
    const sec = await connect(a.url, secretary);
    sockets.push(sec);
    for (const who of [chair, secretary, delegate]) {
      ok(
        await emit(sec, 'attendance.mark', {
          meetingId: m.id,
          idempotencyKey: key(),
          userId: who.id,
          status: 'present_room',
        } as never),
      );
    }
    await transition(a, chair, m.id, 'live');
    const c = await connect(a.url, chair);
    const d = await connect(a.url, delegate);
    sockets.push(c, d);
    const created = ok(
      await emit(c, 'poll.create', {
        meetingId: m.id,
        idempotencyKey: key(),
        title: 'Biểu quyết có thời hạn',
        kind: 'yes_no_abstain',
        secret: true,
        rule: { kind: 'more_than_half_present' },
        durationSeconds: 600,
      }),
    ) as MeetingCommandResult;
    const pollId = (created.event as MeetingEventOf<'poll.created'>).payload.poll.id;
    ok(await emit(c, 'poll.open', { meetingId: m.id, idempotencyKey: key(), pollId }));
    ok(await emit(d, 'poll.cast', { meetingId: m.id, pollId, idempotencyKey: key(), choices: ['yes'] }));

    // Node A dies, and its timer with it. Then the poll's time passes (moved in the database
    // rather than waited for), with no node running.
    sockets.splice(0).forEach((s) => s.close());
    await nodeA!.close();
    nodeA = undefined;
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      await pg.query(`UPDATE polls SET closes_at = now() - interval '5 seconds' WHERE id = $1`, [pollId]);
    } finally {
      await pg.end();
    }

    // Node B starts on the same database: its sweep closes the poll.
    nodeB = await startTestApp({ db });
    const b = nodeB;
    await eventually(async () => {
      const rows: { status: string }[] = await b.dataSource.query('SELECT status FROM polls WHERE id = $1', [
        pollId,
      ]);
      expect(rows[0].status).toBe('closed');
    }, 20_000);
    const closed: { actorId: string | null; payload: MeetingEventOf<'poll.closed'>['payload'] }[] =
      await b.dataSource.query(
        `SELECT actor_id AS "actorId", payload FROM meeting_events WHERE meeting_id = $1 AND type = 'poll.closed'`,
        [m.id],
      );
    expect(closed).toHaveLength(1);
    expect(closed[0].actorId).toBeNull();
    expect(closed[0].payload).toMatchObject({ pollId, byTimer: true });
    expect(closed[0].payload.result.cast).toBe(1);
    const verdict = await verifyPoll(
      async <T>(sql: string, params: unknown[]) => (await b.dataSource.query(sql, params)) as T[],
      pollId,
    );
    expect(verdict).toMatchObject({ ok: true });
  });
});
