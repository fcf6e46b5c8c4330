import { Logger } from '@nestjs/common';
import type { MeetingEvent, MeetingJoinResult } from '@phonghop/common';
import { startTestApp, TestApp } from '../../../test/test-app';
import {
  addItem,
  addParticipant,
  call,
  connect,
  createMeeting,
  emit,
  errorCode,
  eventually,
  key,
  ok,
  Person,
  person,
  recordEvents,
  settle,
  TestSocket,
  transition,
} from '../../../test/meetings-kit';

/**
 * A person of meeting A never receives anything of meeting B: not over REST, not over the socket,
 * not by guessing ids or naming rooms. Every refused attempt is logged.
 */
describe('meeting isolation', () => {
  let t: TestApp;
  let chairA: Person;
  let delegateA: Person;
  let secretaryB: Person;
  let chairB: Person;
  let meetingA: string;
  let meetingB: string;
  let itemB: string;
  const sockets: TestSocket[] = [];
  let warnSpy: jest.SpyInstance;

  beforeAll(async () => {
    t = await startTestApp();
    [chairA, delegateA, secretaryB, chairB] = await Promise.all([
      person(t, 'chutri-a'),
      person(t, 'daibieu-a'),
      person(t, 'thuky-b'),
      person(t, 'chutri-b'),
    ]);
    const a = await createMeeting(t, chairA, { title: 'Cuộc họp A' });
    await addParticipant(t, chairA, a.id, delegateA, 'delegate');
    meetingA = a.id;
    const b = await createMeeting(t, secretaryB, { title: 'Cuộc họp B (mật)' });
    await addParticipant(t, secretaryB, b.id, chairB, 'chair');
    itemB = (await addItem(t, secretaryB, b.id, 'Công tác cán bộ')).id;
    await transition(t, secretaryB, b.id, 'scheduled');
    await transition(t, chairB, b.id, 'live');
    meetingB = b.id;
  });

  beforeEach(() => {
    // Observe (not replace) the log: every refusal must be written.
    warnSpy = jest.spyOn(Logger.prototype, 'warn');
  });
  afterEach(() => warnSpy.mockRestore());

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t.close();
  });

  const refusals = (userId: string, meetingId: string) =>
    warnSpy.mock.calls
      .map((c: unknown[]) => String(c[0]))
      .filter((w) => w.includes(`user=${userId}`) && w.includes(`meeting=${meetingId}`));

  it('refuses every REST read and command on B to a participant of A, as if B did not exist', async () => {
    const attempts: [string, string, unknown?][] = [
      ['GET', `/meetings/${meetingB}`],
      ['GET', `/meetings/${meetingB}/events?sinceSeq=0`],
      ['GET', `/meetings/${meetingB}/agenda`],
      ['PATCH', `/meetings/${meetingB}`, { title: 'Bị sửa' }],
      ['POST', `/meetings/${meetingB}/transitions`, { to: 'ended' }],
      ['POST', `/meetings/${meetingB}/participants`, { userId: delegateA.id, role: 'delegate' }],
      ['POST', `/meetings/${meetingB}/invitation`, { response: 'accepted' }],
      ['POST', `/meetings/${meetingB}/agenda`, { title: 'Chen vào' }],
      ['PUT', `/meetings/${meetingB}/agenda/current`, { itemId: itemB }],
      ['PUT', `/meetings/${meetingB}/agenda/order`, { itemIds: [itemB] }],
      ['PATCH', `/meetings/${meetingB}/agenda/${itemB}`, { title: 'x' }],
      ['DELETE', `/meetings/${meetingB}/agenda/${itemB}`],
      ['DELETE', `/meetings/${meetingB}/participants/${chairB.id}`],
    ];
    for (const [method, path, body] of attempts) {
      const res = await call(t, delegateA, method, path, body);
      expect({ path, method, status: res.status, code: errorCode(res) }).toEqual({
        path,
        method,
        status: 404,
        code: 'MEETING_NOT_FOUND',
      });
    }
    // A meeting that does not exist answers exactly the same.
    const ghost = await call(t, delegateA, 'GET', '/meetings/6f1c2f0e-0000-4000-8000-000000000000');
    expect(errorCode(ghost)).toBe('MEETING_NOT_FOUND');
    expect(errorCode(await call(t, delegateA, 'GET', '/meetings/not-a-uuid'))).toBe('MEETING_NOT_FOUND');
    expect(refusals(delegateA.id, meetingB)).toHaveLength(attempts.length);
    expect(refusals(delegateA.id, meetingB)[0]).toMatch(/refused meeting\.get: .*code=MEETING_NOT_FOUND/);

    const b = await call<{ meeting: { title: string }; seq: number }>(
      t,
      chairB,
      'GET',
      `/meetings/${meetingB}`,
    );
    expect(b.body.meeting.title).toBe('Cuộc họp B (mật)');
    expect(b.body.seq).toBe(5);
  });

  it('refuses socket joins and commands on B with forged ids, logs them, and leaks no event of B to A', async () => {
    const a = await connect(t.url, delegateA);
    const b = await connect(t.url, chairB);
    sockets.push(a, b);
    const seenByA = recordEvents(a);
    const seenByB = recordEvents(b);
    const presenceSeenByA: string[] = [];
    a.on('presence.changed', (p) => presenceSeenByA.push(p.meetingId));

    ok(await emit(a, 'meeting.join', { meetingId: meetingA }));
    const joinB = ok(await emit(b, 'meeting.join', { meetingId: meetingB })) as MeetingJoinResult;
    expect(joinB.kind).toBe('snapshot');

    const forged = [
      await emit(a, 'meeting.join', { meetingId: meetingB }),
      await emit(a, 'meeting.join', { meetingId: meetingB, sinceSeq: 1 }),
      await emit(a, 'meeting.end', { meetingId: meetingB, idempotencyKey: key() }),
      await emit(a, 'agenda.setCurrent', { meetingId: meetingB, idempotencyKey: key(), itemId: itemB }),
      await emit(a, 'agenda.add', { meetingId: meetingB, idempotencyKey: key(), title: 'Chen vào' }),
      await emit(a, 'agenda.update', {
        meetingId: meetingB,
        idempotencyKey: key(),
        itemId: itemB,
        title: 'x',
      }),
      await emit(a, 'agenda.reorder', { meetingId: meetingB, idempotencyKey: key(), itemIds: [itemB] }),
      await emit(a, 'agenda.remove', { meetingId: meetingB, idempotencyKey: key(), itemId: itemB }),
    ];
    for (const ack of forged)
      expect(ack).toEqual({ ok: false, error: expect.objectContaining({ code: 'MEETING_NOT_FOUND' }) });
    expect(refusals(delegateA.id, meetingB)).toHaveLength(forged.length);
    expect(refusals(delegateA.id, meetingB).some((w) => w.includes('refused meeting.join'))).toBe(true);

    // A client cannot name a room: there is no such command, and room names as ids are refused.
    (a as unknown as { emit(e: string, p: unknown): void }).emit('join', `meeting:${meetingB}`);
    (a as unknown as { emit(e: string, p: unknown): void }).emit('subscribe', {
      room: `meeting:${meetingB}`,
    });
    const asRoom = await emit(a, 'meeting.join', { meetingId: `meeting:${meetingB}` as string });
    expect(asRoom).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION_FAILED' }) });

    // B goes on; its people see it, A's socket sees nothing of it.
    ok(await emit(b, 'agenda.add', { meetingId: meetingB, idempotencyKey: key(), title: 'Nhân sự (mật)' }));
    ok(await emit(b, 'agenda.setCurrent', { meetingId: meetingB, idempotencyKey: key(), itemId: itemB }));
    await eventually(() => expect(seenByB.map((e) => e.seq)).toEqual([6, 7]));
    await settle(t, a);
    expect(seenByA.filter((e: MeetingEvent) => e.meetingId === meetingB)).toEqual([]);
    expect(presenceSeenByA).not.toContain(meetingB);
  });

  it('takes a removed participant out of the room at once', async () => {
    const guest = await person(t, 'khach-b');
    await addParticipant(t, secretaryB, meetingB, guest, 'guest');
    const s = await connect(t.url, guest);
    sockets.push(s);
    const seen = recordEvents(s);
    ok(await emit(s, 'meeting.join', { meetingId: meetingB }));
    const removed = await call(t, secretaryB, 'DELETE', `/meetings/${meetingB}/participants/${guest.id}`);
    expect(removed.status).toBe(204);
    await eventually(() => expect(seen.map((e) => e.type)).toContain('participant.removed'));
    const chair = await connect(t.url, chairB);
    sockets.push(chair);
    const before = seen.length;
    ok(await emit(chair, 'agenda.add', { meetingId: meetingB, idempotencyKey: key(), title: 'Sau khi rời' }));
    await settle(t, s);
    await settle(t, chair);
    expect(seen.length).toBe(before);
    const rejoin = await emit(s, 'meeting.join', { meetingId: meetingB });
    expect(rejoin).toEqual({ ok: false, error: expect.objectContaining({ code: 'MEETING_NOT_FOUND' }) });
  });

  it('decides a join by the database even when the shared participant ids are a moment old', async () => {
    // The join's first gate reuses the meeting's participant ids for up to a second (a join storm
    // reads them once). A removal it has not seen must still be refused by the check after entering.
    const guest = await person(t, 'khach-cu-b');
    await addParticipant(t, secretaryB, meetingB, guest, 'guest');
    const chair = await connect(t.url, chairB);
    sockets.push(chair);
    ok(await emit(chair, 'meeting.join', { meetingId: meetingB })); // reads the ids, guest included
    // Removed behind the server's back: no event, no eviction, the cached ids still name them.
    await t.dataSource.query('DELETE FROM meeting_participants WHERE meeting_id = $1 AND user_id = $2', [
      meetingB,
      guest.id,
    ]);
    const s = await connect(t.url, guest);
    sockets.push(s);
    const seen = recordEvents(s);
    expect(await emit(s, 'meeting.join', { meetingId: meetingB })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'MEETING_NOT_FOUND' }),
    });
    // Out of the room again: the next event of B does not reach it, and it is not counted.
    ok(await emit(chair, 'agenda.add', { meetingId: meetingB, idempotencyKey: key(), title: 'Sau khi xóa' }));
    await settle(t, chair);
    await settle(t, s);
    expect(seen).toEqual([]);
    const again = ok(await emit(chair, 'meeting.join', { meetingId: meetingB })) as MeetingJoinResult;
    expect(again.kind === 'snapshot' && again.snapshot.onlineCount).toBe(1);
  });

  it('refuses sockets without a valid token', async () => {
    await expect(connect(t.url, { id: 'x', username: 'x', token: 'forged.token.value' })).rejects.toThrow(
      'UNAUTHENTICATED',
    );
  });
});
