import type {
  AttendanceRecord,
  MeetingCommandResult,
  MeetingEvent,
  MeetingJoinResult,
  MeetingSnapshot,
} from '@phonghop/common';
import { computeQuorum, MeetingEventStream } from '@phonghop/common';
import { startTestApp, TestApp } from '../../../test/test-app';
import {
  joinRoom,
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

const refusedWith = (code: string) => ({ ok: false, error: expect.objectContaining({ code }) });

/** Attendance on the meeting log: check-in, the secretary's marks and corrections, proxies, quorum. */
describe('attendance and quorum', () => {
  let t: TestApp;
  let secretary: Person;
  let chair: Person;
  let guest: Person;
  let delegates: Person[];
  let outsider: Person;

  beforeAll(async () => {
    t = await startTestApp();
    secretary = await person(t, 'thuky');
    chair = await person(t, 'chutri');
    guest = await person(t, 'khach');
    outsider = await person(t, 'nguoingoai');
    delegates = [];
    for (let i = 1; i <= 4; i++) delegates.push(await person(t, `daibieu0${i}`));
  });

  afterAll(() => t?.close());

  /** A scheduled meeting with a chair, the secretary, 4 delegates and a guest: 6 voting members. */
  async function meeting(): Promise<string> {
    const m = await createMeeting(t, secretary);
    await addParticipant(t, secretary, m.id, chair, 'chair');
    for (const d of delegates) await addParticipant(t, secretary, m.id, d, 'delegate');
    await addParticipant(t, secretary, m.id, guest, 'guest');
    await transition(t, secretary, m.id, 'scheduled');
    return m.id;
  }

  const sockets: TestSocket[] = [];
  async function socketOf(who: Person): Promise<TestSocket> {
    const s = await connect(t.url, who);
    sockets.push(s);
    return s;
  }
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));

  /** The room as the socket's client holds it after joining (the roster read as the chair: the same for all). */
  const snapshot = (s: TestSocket, meetingId: string) => joinRoom(t, s, chair, meetingId);

  it('lets participants check in, guests too, and refuses outsiders', async () => {
    const meetingId = await meeting();
    const d = await socketOf(delegates[0]);
    const event = (
      ok(await emit(d, 'attendance.checkIn', { meetingId, idempotencyKey: key() })) as MeetingCommandResult
    ).event;
    expect(event).toMatchObject({
      type: 'attendance.marked',
      actorId: delegates[0].id,
      payload: {
        previousStatus: null,
        record: {
          userId: delegates[0].id,
          status: 'present_room',
          method: 'self',
          markedById: delegates[0].id,
        },
      },
    });
    const g = await socketOf(guest);
    ok(await emit(g, 'attendance.checkIn', { meetingId, idempotencyKey: key() }));
    const o = await socketOf(outsider);
    expect(await emit(o, 'attendance.checkIn', { meetingId, idempotencyKey: key() })).toEqual(
      refusedWith('MEETING_NOT_FOUND'),
    );

    const snap = await snapshot(await socketOf(chair), meetingId);
    expect(snap.attendance.records.map((r) => [r.userId, r.status])).toEqual([
      [delegates[0].id, 'present_room'],
      [guest.id, 'present_room'],
    ]);
    // The guest is listed but never counts: 1 of 6 voting members.
    const q = computeQuorum(snap.participants, snap.attendance.records, snap.attendance.settings);
    expect(q).toMatchObject({ expected: 6, counted: 1, required: 4, reached: false });
  });

  it('lets only the secretary mark people; a correction is a new event and the log keeps both', async () => {
    const meetingId = await meeting();
    const sec = await socketOf(secretary);
    const del = await socketOf(delegates[0]);
    const target = delegates[1].id;

    expect(
      await emit(del, 'attendance.mark', {
        meetingId,
        idempotencyKey: key(),
        userId: target,
        status: 'present_room',
      }),
    ).toEqual(refusedWith('MEETING_ROLE_REQUIRED'));
    expect(
      await emit(await socketOf(chair), 'attendance.mark', {
        meetingId,
        idempotencyKey: key(),
        userId: target,
        status: 'present_room',
      }),
    ).toEqual(refusedWith('MEETING_ROLE_REQUIRED'));
    // An absence needs a reason; "other" needs a text; only participants can be marked.
    expect(
      await emit(sec, 'attendance.mark', {
        meetingId,
        idempotencyKey: key(),
        userId: target,
        status: 'absent',
      }),
    ).toEqual(refusedWith('VALIDATION_FAILED'));
    expect(
      await emit(sec, 'attendance.mark', {
        meetingId,
        idempotencyKey: key(),
        userId: target,
        status: 'absent',
        absenceReason: 'other',
      }),
    ).toEqual(refusedWith('VALIDATION_FAILED'));
    expect(
      await emit(sec, 'attendance.mark', {
        meetingId,
        idempotencyKey: key(),
        userId: outsider.id,
        status: 'late',
      }),
    ).toEqual(refusedWith('PARTICIPANT_NOT_FOUND'));

    const first = ok(
      await emit(sec, 'attendance.mark', {
        meetingId,
        idempotencyKey: key(),
        userId: target,
        status: 'absent',
        absenceReason: 'sick',
      }),
    ) as MeetingCommandResult;
    const second = ok(
      await emit(sec, 'attendance.mark', {
        meetingId,
        idempotencyKey: key(),
        userId: target,
        status: 'absent',
        absenceReason: 'other',
        note: 'Họp ở quận',
      }),
    ) as MeetingCommandResult;
    const third = ok(
      await emit(sec, 'attendance.mark', {
        meetingId,
        idempotencyKey: key(),
        userId: target,
        status: 'present_online',
      }),
    ) as MeetingCommandResult;
    expect(second.event.seq).toBe(first.event.seq + 1);
    expect(third.event.payload).toMatchObject({
      previousStatus: 'absent',
      record: {
        status: 'present_online',
        absenceReason: null,
        method: 'secretary',
        markedById: secretary.id,
      },
    });

    const log = await t.dataSource.query(
      `SELECT payload FROM meeting_events WHERE meeting_id = $1 AND type = 'attendance.marked' ORDER BY seq`,
      [meetingId],
    );
    expect(log.map((r: { payload: { record: AttendanceRecord } }) => r.payload.record)).toEqual([
      expect.objectContaining({ status: 'absent', absenceReason: 'sick', note: null }),
      expect.objectContaining({ status: 'absent', absenceReason: 'other', note: 'Họp ở quận' }),
      expect.objectContaining({ status: 'present_online', absenceReason: null }),
    ]);
    const rows = await t.dataSource.query('SELECT status FROM attendance_records WHERE meeting_id = $1', [
      meetingId,
    ]);
    expect(rows).toEqual([{ status: 'present_online' }]);
  });

  it('records proxies only where the meeting allows them, and counts them when it says so', async () => {
    const meetingId = await meeting();
    const sec = await socketOf(secretary);
    const mark = (userId: string, status: 'present_room' | 'absent') =>
      emit(sec, 'attendance.mark', {
        meetingId,
        idempotencyKey: key(),
        userId,
        status,
        ...(status === 'absent' ? { absenceReason: 'business_trip' as const } : {}),
      });
    const [d1, d2, d3, d4] = delegates.map((d) => d.id);
    for (const id of [chair.id, d1, d2]) ok(await mark(id, 'present_room'));
    ok(await mark(d3, 'absent'));
    const proxy = (fromUserId: string, toUserId: string | null) =>
      emit(sec, 'attendance.setProxy', { meetingId, idempotencyKey: key(), fromUserId, toUserId });

    expect(await proxy(d3, d1)).toEqual(refusedWith('PROXIES_NOT_ALLOWED'));
    const d = await socketOf(delegates[0]);
    expect(
      await emit(d, 'attendance.configure', { meetingId, idempotencyKey: key(), proxiesAllowed: true }),
    ).toEqual(refusedWith('MEETING_ROLE_REQUIRED'));
    const configured = ok(
      await emit(sec, 'attendance.configure', {
        meetingId,
        idempotencyKey: key(),
        proxiesAllowed: true,
        proxiesCount: true,
      }),
    ) as MeetingCommandResult;
    expect(configured.event).toMatchObject({
      type: 'attendance.configured',
      payload: {
        settings: { quorumNumerator: 1, quorumDenominator: 2, proxiesAllowed: true, proxiesCount: true },
      },
    });

    expect(await proxy(d4, d1)).toEqual(refusedWith('PROXY_INVALID')); // d4 is not marked absent
    expect(await proxy(d3, d4)).toEqual(refusedWith('PROXY_INVALID')); // d4 is not present
    expect(await proxy(d3, guest.id)).toEqual(refusedWith('PROXY_INVALID')); // a guest holds no proxy
    expect(await proxy(d3, d3)).toEqual(refusedWith('PROXY_INVALID'));
    ok(await proxy(d3, d1));

    const snap = await snapshot(await socketOf(chair), meetingId);
    const q = computeQuorum(snap.participants, snap.attendance.records, snap.attendance.settings);
    // chair + d1 + d2 present, d3's proxy with d1: 4 of 6 (more than half).
    expect(q).toMatchObject({ expected: 6, present: 3, proxies: 1, counted: 4, required: 4, reached: true });
    expect(snap.attendance.records.find((r) => r.userId === d3)).toMatchObject({
      status: 'absent',
      absenceReason: 'business_trip',
      proxyHolderId: d1,
    });

    // Two thirds (at least 4 of 6) still holds; proxies no longer counting breaks it.
    ok(
      await emit(sec, 'attendance.configure', {
        meetingId,
        idempotencyKey: key(),
        quorumNumerator: 2,
        quorumDenominator: 3,
        quorumAtLeast: true,
        proxiesCount: false,
      }),
    );
    expect(
      await emit(sec, 'attendance.configure', { meetingId, idempotencyKey: key(), quorumNumerator: 4 }),
    ).toEqual(refusedWith('VALIDATION_FAILED'));
    const after = await snapshot(await socketOf(chair), meetingId);
    expect(
      computeQuorum(after.participants, after.attendance.records, after.attendance.settings),
    ).toMatchObject({ counted: 3, required: 4, reached: false });
  });

  it('starts without quorum only with the chair confirming, and with quorum without asking', async () => {
    const meetingId = await meeting();
    const c = await socketOf(chair);
    ok(await emit(c, 'attendance.checkIn', { meetingId, idempotencyKey: key() }));
    expect(await emit(c, 'meeting.start', { meetingId, idempotencyKey: key() })).toEqual(
      refusedWith('QUORUM_NOT_REACHED'),
    );
    expect(
      await emit(c, 'meeting.start', { meetingId, idempotencyKey: key(), confirmNoQuorum: false }),
    ).toEqual(refusedWith('QUORUM_NOT_REACHED'));
    for (const d of delegates.slice(0, 3)) {
      ok(await emit(await socketOf(d), 'attendance.checkIn', { meetingId, idempotencyKey: key() }));
    }
    const started = ok(
      await emit(c, 'meeting.start', { meetingId, idempotencyKey: key() }),
    ) as MeetingCommandResult;
    expect(started.event.payload).toMatchObject({
      to: 'live',
      quorum: { counted: 4, required: 4, expected: 6, reached: true, confirmedWithoutQuorum: false },
    });
    // Attendance goes on while live (latecomers), and stops once it has ended.
    const late = await socketOf(delegates[3]);
    ok(await emit(late, 'attendance.checkIn', { meetingId, idempotencyKey: key() }));
    ok(await emit(c, 'meeting.end', { meetingId, idempotencyKey: key() }));
    expect(await emit(late, 'attendance.checkIn', { meetingId, idempotencyKey: key() })).toEqual(
      refusedWith('ATTENDANCE_CLOSED'),
    );
  });

  it('a tablet that reconnects after missing attendance events ends exactly in the server state', async () => {
    const meetingId = await meeting();
    const tablet = await socketOf(delegates[0]);
    const stream = new MeetingEventStream(await snapshot(tablet, meetingId));
    tablet.on('meeting.event', (e: MeetingEvent) => stream.receive(e));
    tablet.disconnect();

    const sec = await socketOf(secretary);
    ok(await emit(sec, 'attendance.configure', { meetingId, idempotencyKey: key(), proxiesAllowed: true }));
    ok(
      await emit(sec, 'attendance.mark', {
        meetingId,
        idempotencyKey: key(),
        userId: delegates[1].id,
        status: 'late',
      }),
    );
    ok(await emit(await socketOf(delegates[2]), 'attendance.checkIn', { meetingId, idempotencyKey: key() }));
    ok(
      await emit(sec, 'attendance.mark', {
        meetingId,
        idempotencyKey: key(),
        userId: delegates[3].id,
        status: 'absent',
        absenceReason: 'personal',
      }),
    );
    ok(
      await emit(sec, 'attendance.setProxy', {
        meetingId,
        idempotencyKey: key(),
        fromUserId: delegates[3].id,
        toUserId: delegates[2].id,
      }),
    );
    ok(
      await emit(sec, 'attendance.mark', {
        meetingId,
        idempotencyKey: key(),
        userId: delegates[1].id,
        status: 'present_room',
      }),
    );

    const back = await socketOf(delegates[0]);
    const caughtUp = ok(
      await emit(back, 'meeting.join', { meetingId, sinceSeq: stream.seq }),
    ) as MeetingJoinResult;
    expect(caughtUp.kind).toBe('events');
    if (caughtUp.kind === 'events') expect(stream.receive(caughtUp.events)).toBe(6);

    const server = await snapshot(await socketOf(chair), meetingId);
    const strip = ({ online: _o, onlineCount: _c, ...rest }: MeetingSnapshot) => rest;
    expect(strip(stream.snapshot)).toEqual(strip(server));
    expect(server.attendance.records).toHaveLength(3);
  });
});
