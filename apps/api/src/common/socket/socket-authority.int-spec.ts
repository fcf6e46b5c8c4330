import type { Ack, MeetingDetail, MeetingEvent } from '@phonghop/common';
import type { Socket } from 'socket.io-client';
import { startTestApp, TestApp } from '../../../test/test-app';
import {
  addItem,
  addParticipant,
  call,
  connect,
  createMeeting,
  emit,
  eventually,
  expectStatus,
  key,
  ok,
  Person,
  person,
  TestSocket,
  transition,
} from '../../../test/meetings-kit';
import { TokenService } from '../../modules/identity/token.service';

/** The session id inside an access token (its `sid` claim). */
function sessionOf(token: string): string {
  return (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { sid: string }).sid;
}

/** Emits any event name (even one the typed map does not know) and waits for the ack. */
function emitRaw(socket: TestSocket, event: string, payload: unknown): Promise<Ack<unknown>> {
  return (socket as unknown as Socket).timeout(10_000).emitWithAck(event, payload) as Promise<Ack<unknown>>;
}

describe('a socket holds no stale authority', () => {
  let t: TestApp;
  let admin: Person;
  let secretary: Person;
  let chair: Person;
  let root: Person;
  let meetingId: string;
  let itemIds: string[];
  const sockets: TestSocket[] = [];
  const open = async (who: Person, token = who.token) => {
    const s = await connect(t.url, { ...who, token });
    sockets.push(s);
    return s;
  };
  const serverSeq = async () =>
    expectStatus(await call<MeetingDetail>(t, secretary, 'GET', `/meetings/${meetingId}`), 200).seq;

  beforeAll(async () => {
    t = await startTestApp();
    [admin, root, secretary, chair] = await Promise.all([
      person(t, 'quantri-stale', 'admin'),
      person(t, 'quantri-goc', 'admin'),
      person(t, 'thuky-stale'),
      person(t, 'chutri-stale'),
    ]);
    const m = await createMeeting(t, secretary, { title: 'Họp kín về nhân sự' });
    meetingId = m.id;
    await addParticipant(t, secretary, m.id, chair, 'chair');
    itemIds = [];
    for (const title of ['Một', 'Hai', 'Ba']) itemIds.push((await addItem(t, secretary, m.id, title)).id);
    await transition(t, secretary, m.id, 'scheduled');
    await transition(t, chair, m.id, 'live');
  }, 60_000);

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t?.close();
  });

  it('refuses a demoted admin at the next command on the open socket and takes it out of the room', async () => {
    const s = await open(admin);
    const seen: MeetingEvent[] = [];
    s.on('meeting.event', (e) => seen.push(e));
    ok(await emit(s, 'meeting.join', { meetingId }));
    ok(await emit(s, 'agenda.setCurrent', { meetingId, idempotencyKey: key(), itemId: itemIds[0] }));

    expectStatus(await call(t, root, 'PATCH', `/users/${admin.id}`, { systemRole: 'member' }), 200);
    // REST on the same token already refuses; so must the socket, at once.
    expect((await call(t, admin, 'GET', `/meetings/${meetingId}`)).status).toBe(404);
    const before = await serverSeq();
    const move = await emit(s, 'agenda.setCurrent', { meetingId, idempotencyKey: key(), itemId: itemIds[1] });
    expect(move).toMatchObject({ ok: false, error: { code: 'MEETING_NOT_FOUND' } });
    const join = await emit(s, 'meeting.join', { meetingId });
    expect(join).toMatchObject({ ok: false, error: { code: 'MEETING_NOT_FOUND' } });
    expect(await serverSeq()).toBe(before); // no event written

    // Out of the room: the chair's next change does not reach the demoted admin's socket.
    const witness = await open(chair);
    const witnessed: MeetingEvent[] = [];
    witness.on('meeting.event', (e) => witnessed.push(e));
    ok(await emit(witness, 'meeting.join', { meetingId }));
    const count = seen.length;
    const { event } = ok(
      await emit(witness, 'agenda.setCurrent', { meetingId, idempotencyKey: key(), itemId: itemIds[2] }),
    );
    await eventually(() => expect(witnessed.map((e) => e.seq)).toContain(event.seq));
    await emit(s, 'system.ping', {});
    expect(seen.length).toBe(count);
  });

  it('takes the room out of a demoted admin’s socket even without a further command', async () => {
    const other = await person(t, 'quantri-phong', 'admin');
    const s = await open(other);
    const seen: MeetingEvent[] = [];
    s.on('meeting.event', (e) => seen.push(e));
    ok(await emit(s, 'meeting.join', { meetingId }));
    expectStatus(await call(t, root, 'PATCH', `/users/${other.id}`, { systemRole: 'member' }), 200);

    const witness = await open(chair);
    const witnessed: MeetingEvent[] = [];
    witness.on('meeting.event', (e) => witnessed.push(e));
    ok(await emit(witness, 'meeting.join', { meetingId }));
    // The eviction runs after the PATCH answered; keep changing until the witness has a change the
    // demoted socket did not get (it never stops getting them without the eviction).
    let turn = 0;
    await eventually(async () => {
      turn += 1;
      const itemId = itemIds[turn % itemIds.length];
      const { event } = ok(
        await emit(witness, 'agenda.setCurrent', { meetingId, idempotencyKey: key(), itemId }),
      );
      await eventually(() => expect(witnessed.map((e) => e.seq)).toContain(event.seq));
      await emit(s, 'system.ping', {});
      expect(seen.map((e) => e.seq)).not.toContain(event.seq);
    }, 5000);
  });

  it('acts on a changed meeting role at the next command (chair made delegate)', async () => {
    // A live meeting's chair changes only by handover: the chair hands it to a deputy, who acts on
    // an open socket, then hands it back and is a delegate again on that same socket.
    const deputy = await person(t, 'pho-chutri-stale');
    await addParticipant(t, secretary, meetingId, deputy, 'delegate');
    expectStatus(await call(t, chair, 'POST', `/meetings/${meetingId}/chair`, { toUserId: deputy.id }), 200);
    const s = await open(deputy);
    ok(await emit(s, 'agenda.setCurrent', { meetingId, idempotencyKey: key(), itemId: itemIds[1] }));
    ok(await emit(s, 'meeting.handOver', { meetingId, idempotencyKey: key(), toUserId: chair.id }));
    const before = await serverSeq();
    const refused = await emit(s, 'agenda.setCurrent', {
      meetingId,
      idempotencyKey: key(),
      itemId: itemIds[2],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'MEETING_ROLE_REQUIRED' } });
    expect(await serverSeq()).toBe(before);
  });

  it('answers unknown event names with UNKNOWN_COMMAND', async () => {
    const s = await open(secretary);
    expect(await emitRaw(s, 'meeting.destroy', { meetingId })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_COMMAND' },
    });
    expect(await emitRaw(s, 'join', `meeting:${meetingId}`)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_COMMAND' },
    });
    // A known command still works on the same socket.
    ok(await emit(s, 'system.ping', {}));
  });

  describe('token expiry', () => {
    it('tells a socket whose token expired why, and closes it', async () => {
      const tokens = t.app.get(TokenService);
      const short = tokens.signAccessToken(
        { id: secretary.id, sessionId: sessionOf(secretary.token), systemRole: 'member' },
        2,
      );
      const s = await open(secretary, short);
      const expired = new Promise((resolve) => s.once('session.expired', resolve));
      const closed = new Promise<string>((resolve) => s.once('disconnect', resolve));
      expect(await expired).toEqual({ reason: 'token_expired' });
      expect(await closed).toBe('io server disconnect');
    });

    it('refuses a command sent after the token expired, writing nothing', async () => {
      const s = await open(secretary);
      ok(await emit(s, 'system.ping', {}));
      const before = await serverSeq();
      // Only the clock moves (past the token's 15 minutes); timers stay real.
      jest.useFakeTimers({
        doNotFake: [
          'nextTick',
          'setImmediate',
          'clearImmediate',
          'setTimeout',
          'clearTimeout',
          'setInterval',
          'clearInterval',
          'queueMicrotask',
          'hrtime',
          'performance',
        ],
      });
      let ack: Ack<unknown>;
      let expired: Promise<unknown>;
      try {
        jest.setSystemTime(Date.now() + (t.config.ACCESS_TOKEN_TTL_SECONDS + 5) * 1000);
        // The test's client lives in the same process: without this its engine would read the
        // jump as a missed heartbeat and close before sending (engine.io-client's ping check).
        (s.io.engine as unknown as { _pingTimeoutTime: number })._pingTimeoutTime = Infinity;
        expired = new Promise((resolve) => s.once('session.expired', resolve));
        ack = await emit(s, 'agenda.add', { meetingId, idempotencyKey: key(), title: 'Sau hạn' });
      } finally {
        jest.useRealTimers();
      }
      expect(ack).toMatchObject({ ok: false, error: { code: 'TOKEN_EXPIRED' } });
      expect(await expired).toEqual({ reason: 'token_expired' });
      expect(await serverSeq()).toBe(before);
    });

    it('keeps a socket that renewed its token over the socket', async () => {
      const tokens = t.app.get(TokenService);
      const me = { id: secretary.id, sessionId: sessionOf(secretary.token), systemRole: 'member' as const };
      const s = await open(secretary, tokens.signAccessToken(me, 2));
      let expiredEvents = 0;
      s.on('session.expired', () => (expiredEvents += 1));

      const garbage = await emit(s, 'auth.renew', { token: 'not-a-token' });
      expect(garbage).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      const someoneElse = await emit(s, 'auth.renew', { token: chair.token });
      expect(someoneElse).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      const stale = await emit(s, 'auth.renew', { token: tokens.signAccessToken(me, -10) });
      expect(stale).toMatchObject({ ok: false, error: { code: 'TOKEN_EXPIRED' } });

      const renewed = ok(await emit(s, 'auth.renew', { token: tokens.signAccessToken(me) }));
      expect(Date.parse(renewed.expiresAt)).toBeGreaterThan(Date.now() + 60_000);
      // Past the first token's expiry the socket still works.
      await new Promise((r) => setTimeout(r, 3000));
      expect(s.connected).toBe(true);
      ok(await emit(s, 'meeting.join', { meetingId }));
      expect(expiredEvents).toBe(0);
    });
  });
});
