import type { Ack, MeetingCommandResult } from '@phonghop/common';
import { Client } from 'pg';
import { startTestApp, TestApp } from '../../../test/test-app';
import {
  addParticipant,
  connect,
  createMeeting,
  emit,
  key,
  ok,
  Person,
  person,
  TestSocket,
  transition,
} from '../../../test/meetings-kit';
import { verifyMeetingChain } from './chain-verify';

/**
 * Group commit opens a batch's commands in one statement and appends their events in one statement
 * at the end (docs/event-log.md). These tests send a burst of commands from one socket at once: the
 * first runs alone, the others queue behind it and run as one batch. Whatever the grouping, each
 * command must get exactly the answer it would get alone.
 */
describe('a group-commit batch', () => {
  let t: TestApp;
  let secretary: Person;
  let chair: Person;
  let deputy: Person;
  let pg: Client;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    [secretary, chair, deputy] = await Promise.all([
      person(t, 'thuky-batch'),
      person(t, 'chutri-batch'),
      person(t, 'phochutri-batch'),
    ]);
    pg = new Client({ connectionString: t.db.url });
    await pg.connect();
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await pg.end();
    await t.close();
  });

  const verify = (meetingId: string) =>
    verifyMeetingChain(
      async <T>(sql: string, params: unknown[]) => (await pg.query(sql, params)).rows as T[],
      meetingId,
    );

  async function liveMeeting(): Promise<string> {
    const m = await createMeeting(t, secretary);
    await addParticipant(t, secretary, m.id, chair, 'chair');
    await addParticipant(t, secretary, m.id, deputy, 'delegate');
    await transition(t, secretary, m.id, 'scheduled');
    await transition(t, chair, m.id, 'live');
    return m.id;
  }

  async function chairSocket(): Promise<TestSocket> {
    const s = await connect(t.url, chair);
    sockets.push(s);
    return s;
  }

  const add = (s: TestSocket, meetingId: string, title: string, idempotencyKey = key()) =>
    emit(s, 'agenda.add', { meetingId, idempotencyKey, title });

  const seqOf = (ack: Ack<unknown>) => (ok(ack) as MeetingCommandResult).event.seq;

  /** Four adds, then `middle`, then seven adds, all sent at once; the adds after it must be refused. */
  async function burstAround(s: TestSocket, meetingId: string, middle: () => Promise<Ack<unknown>>) {
    const before = Array.from({ length: 4 }, (_, i) => add(s, meetingId, `Trước ${i}`));
    const change = middle();
    const after = Array.from({ length: 7 }, (_, i) => add(s, meetingId, `Sau ${i}`));
    return {
      before: await Promise.all(before),
      change: await change,
      after: await Promise.all(after),
    };
  }

  it('reads the meeting again after a command that changes it: adds after the end are refused', async () => {
    const meetingId = await liveMeeting();
    const s = await chairSocket();
    const burst = await burstAround(s, meetingId, () =>
      emit(s, 'meeting.end', { meetingId, idempotencyKey: key() }),
    );
    const endSeq = seqOf(burst.change);
    expect(burst.before.map(seqOf).every((seq) => seq < endSeq)).toBe(true);
    for (const refused of burst.after) {
      expect(refused).toMatchObject({ ok: false, error: { code: 'MEETING_NOT_EDITABLE' } });
    }
    expect(await verify(meetingId)).toMatchObject({ ok: true, count: endSeq });
  });

  it('reads roles again after a hand-over: the former chair’s adds after it are refused', async () => {
    const meetingId = await liveMeeting();
    const s = await chairSocket();
    const burst = await burstAround(s, meetingId, () =>
      emit(s, 'meeting.handOver', { meetingId, idempotencyKey: key(), toUserId: deputy.id }),
    );
    const handOverSeq = seqOf(burst.change);
    expect(burst.before.map(seqOf).every((seq) => seq < handOverSeq)).toBe(true);
    for (const refused of burst.after) {
      expect(refused).toMatchObject({ ok: false, error: { code: 'MEETING_ROLE_REQUIRED' } });
    }
    expect(await verify(meetingId)).toMatchObject({ ok: true, count: handOverSeq });
  });

  it('acts once for a key sent twice within one burst; both sends get the same answer', async () => {
    const meetingId = await liveMeeting();
    const s = await chairSocket();
    const k = key();
    const acks = await Promise.all([
      add(s, meetingId, 'Mở đầu'),
      add(s, meetingId, 'Gửi hai lần', k),
      add(s, meetingId, 'Một'),
      add(s, meetingId, 'Gửi hai lần', k),
      add(s, meetingId, 'Hai'),
    ]);
    expect(seqOf(acks[1])).toBe(seqOf(acks[3]));
    const seqs = [0, 1, 2, 4].map((i) => seqOf(acks[i])).sort((a, b) => a - b);
    const { rows } = await pg.query('SELECT title FROM agenda_items WHERE meeting_id = $1 AND title = $2', [
      meetingId,
      'Gửi hai lần',
    ]);
    expect(rows).toHaveLength(1);
    const count = seqs[seqs.length - 1];
    expect(new Set(seqs).size).toBe(4);
    expect(await verify(meetingId)).toMatchObject({ ok: true, count });
  });
});
