import type { Ack, CheckInQr, CreatedDisplay, DisplayToken, MeetingDetail } from '@phonghop/common';
import { DISPLAY_TOKEN_HEADER, type MeetingRosterResponse } from '@phonghop/common';
import { io } from 'socket.io-client';
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
  expectStatus,
  key,
  ok,
  Person,
  person,
  recordEvents,
  TestSocket,
  transition,
} from '../../../test/meetings-kit';

/** A socket opened the way the display page opens it: `auth.displayToken`, no user token. */
function connectDisplay(url: string, displayToken: string): Promise<TestSocket> {
  const socket: TestSocket = io(url, {
    auth: { displayToken },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 10_000,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

describe('room displays: watch-only sockets signed in with a display token', () => {
  let t: TestApp;
  let admin: Person;
  let secretary: Person;
  let chair: Person;
  let delegate: Person;
  let meetingA: string;
  let meetingB: string;
  let items: string[];
  const sockets: TestSocket[] = [];
  const track = <S extends TestSocket>(s: S) => (sockets.push(s), s);
  const seqOf = async (meetingId: string) =>
    expectStatus(await call<MeetingDetail>(t, secretary, 'GET', `/meetings/${meetingId}`), 200).seq;
  const createDisplay = async (meetingId: string) =>
    expectStatus(
      await call<CreatedDisplay>(t, admin, 'POST', `/meetings/${meetingId}/displays`, {
        label: 'LED hội trường',
      }),
      201,
    );

  beforeAll(async () => {
    t = await startTestApp();
    [admin, secretary, chair, delegate] = await Promise.all([
      person(t, 'quantri-manhinh', 'admin'),
      person(t, 'thuky-manhinh'),
      person(t, 'chutri-manhinh'),
      person(t, 'daibieu-manhinh'),
    ]);
    const a = await createMeeting(t, secretary, { title: 'Kỳ họp thứ Mười' });
    const b = await createMeeting(t, secretary, { title: 'Họp khác' });
    meetingA = a.id;
    meetingB = b.id;
    await addParticipant(t, secretary, meetingA, chair, 'chair');
    await addParticipant(t, secretary, meetingA, delegate, 'delegate');
    await addParticipant(t, secretary, meetingB, chair, 'chair');
    items = [
      (await addItem(t, secretary, meetingA, 'Báo cáo')).id,
      (await addItem(t, secretary, meetingA, 'Thảo luận')).id,
    ];
    await transition(t, secretary, meetingA, 'scheduled');
    await transition(t, secretary, meetingB, 'scheduled');
  }, 60_000);

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t?.close();
  });

  it('lets an admin create a token (shown once, stored only as a hash) and list it', async () => {
    const created = await createDisplay(meetingA);
    expect(created.token.length).toBeGreaterThanOrEqual(40);
    expect(created.url).toBe(`/display/${meetingA}?t=${encodeURIComponent(created.token)}`);
    const listed = expectStatus(
      await call<DisplayToken[]>(t, admin, 'GET', `/meetings/${meetingA}/displays`),
      200,
    );
    expect(listed.map((d) => d.id)).toContain(created.display.id);
    expect(JSON.stringify(listed)).not.toContain(created.token);
    const rows: { token_hash: string }[] = await t.dataSource.query(
      'SELECT token_hash FROM display_tokens WHERE id = $1',
      [created.display.id],
    );
    expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].token_hash).not.toContain(created.token);
  });

  it('refuses a non-admin (even the meeting’s secretary and chair) to create or list tokens', async () => {
    for (const who of [secretary, chair, delegate]) {
      const res = await call(t, who, 'POST', `/meetings/${meetingA}/displays`, {});
      expect(res.status).toBe(403);
      expect((await call(t, who, 'GET', `/meetings/${meetingA}/displays`)).status).toBe(403);
    }
    const count: { n: string }[] = await t.dataSource.query(
      'SELECT count(*) AS n FROM display_tokens WHERE created_by <> $1',
      [admin.id],
    );
    expect(Number(count[0].n)).toBe(0);
  });

  it('joins its meeting, receives its events, and is not shown as online', async () => {
    const { token } = await createDisplay(meetingA);
    const display = track(await connectDisplay(t.url, token));
    const seen = recordEvents(display);
    const joined = ok(await emit(display, 'meeting.join', { meetingId: meetingA }));
    expect(joined.kind).toBe('snapshot');
    if (joined.kind === 'snapshot') {
      expect(joined.snapshot.meeting.title).toBe('Kỳ họp thứ Mười');
      expect(joined.snapshot.onlineCount).toBe(0);
      expect(joined.snapshot).not.toHaveProperty('online');
    }
    const c = track(await connect(t.url, chair));
    ok(await emit(c, 'meeting.join', { meetingId: meetingA }));
    const { event } = ok(
      await emit(c, 'meeting.start', { meetingId: meetingA, idempotencyKey: key(), confirmNoQuorum: true }),
    );
    await eventually(() => expect(seen.map((e) => e.seq)).toContain(event.seq));
    const moved = ok(
      await emit(c, 'agenda.setCurrent', { meetingId: meetingA, idempotencyKey: key(), itemId: items[0] }),
    );
    await eventually(() => expect(seen.map((e) => e.seq)).toContain(moved.event.seq));
    // Presence counts the chair only (the display is nobody), and a display may not watch who.
    const rejoin = ok(await emit(display, 'meeting.join', { meetingId: meetingA }));
    expect(rejoin).toMatchObject({ kind: 'snapshot' });
    if (rejoin.kind === 'snapshot') expect(rejoin.snapshot.onlineCount).toBe(1);
    expect(await emit(display, 'presence.watch', { meetingId: meetingA })).toMatchObject({
      ok: false,
      error: { code: 'DISPLAY_READ_ONLY' },
    });
    // Catching up from an older seq gives the missed events.
    const catchUp = ok(await emit(display, 'meeting.join', { meetingId: meetingA, sinceSeq: event.seq }));
    expect(catchUp).toMatchObject({ kind: 'events' });
    if (catchUp.kind === 'events') expect(catchUp.events.map((e) => e.seq)).toEqual([moved.event.seq]);
  });

  it('cannot send any command: each is refused DISPLAY_READ_ONLY and nothing is written', async () => {
    const { token } = await createDisplay(meetingA);
    const display = track(await connectDisplay(t.url, token));
    ok(await emit(display, 'meeting.join', { meetingId: meetingA }));
    const before = await seqOf(meetingA);
    const attempts: Ack<unknown>[] = [
      await emit(display, 'agenda.setCurrent', {
        meetingId: meetingA,
        idempotencyKey: key(),
        itemId: items[1],
      }),
      await emit(display, 'speaker.request', { meetingId: meetingA, idempotencyKey: key(), kind: 'opinion' }),
      await emit(display, 'attendance.checkIn', { meetingId: meetingA, idempotencyKey: key() }),
      await emit(display, 'meeting.start', { meetingId: meetingA, idempotencyKey: key() }),
      await emit(display, 'meeting.end', { meetingId: meetingA, idempotencyKey: key() }),
      await emit(display, 'auth.renew' as never, { token: 'x' } as never),
    ];
    for (const ack of attempts)
      expect(ack).toMatchObject({ ok: false, error: { code: 'DISPLAY_READ_ONLY' } });
    expect(await seqOf(meetingA)).toBe(before);
    // Still watching: the refusals did not close it.
    expect(ok(await emit(display, 'system.ping', {}))).toHaveProperty('serverTime');
  });

  it('cannot join another meeting', async () => {
    const { token } = await createDisplay(meetingA);
    const display = track(await connectDisplay(t.url, token));
    expect(await emit(display, 'meeting.join', { meetingId: meetingB })).toMatchObject({
      ok: false,
      error: { code: 'MEETING_NOT_FOUND' },
    });
    const bSeen = recordEvents(display);
    const s = track(await connect(t.url, chair));
    ok(await emit(s, 'meeting.join', { meetingId: meetingB }));
    const { event } = ok(
      await emit(s, 'meeting.start', { meetingId: meetingB, idempotencyKey: key(), confirmNoQuorum: true }),
    );
    await emit(display, 'system.ping', {});
    expect(bSeen.map((e) => e.meetingId)).not.toContain(meetingB);
    expect(event.meetingId).toBe(meetingB);
  });

  it('refuses unknown tokens at the handshake, and a revoked token is disconnected and refused', async () => {
    await expect(connectDisplay(t.url, 'not-a-real-display-token-at-all-000000')).rejects.toMatchObject({
      data: { code: 'DISPLAY_TOKEN_INVALID' },
    });
    const created = await createDisplay(meetingA);
    const display = track(await connectDisplay(t.url, created.token));
    ok(await emit(display, 'meeting.join', { meetingId: meetingA }));
    const closed = new Promise<string>((resolve) => display.once('disconnect', (reason) => resolve(reason)));
    expectStatus(
      await call(t, admin, 'POST', `/meetings/${meetingA}/displays/${created.display.id}/revoke`),
      201,
    );
    expect(await closed).toBe('io server disconnect');
    await expect(connectDisplay(t.url, created.token)).rejects.toMatchObject({
      data: { code: 'DISPLAY_TOKEN_INVALID' },
    });
    for (const path of ['/displays/qr', '/displays/roster']) {
      const res = await fetch(`${t.url}/api/v1${path}`, {
        headers: { [DISPLAY_TOKEN_HEADER]: created.token },
      });
      expect(res.status).toBe(401);
    }
  });

  it('reads its own meeting’s roster with its token (names for the screen), and nothing with none', async () => {
    const { token } = await createDisplay(meetingA);
    const res = await fetch(`${t.url}/api/v1/displays/roster`, {
      headers: { [DISPLAY_TOKEN_HEADER]: token },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as MeetingRosterResponse;
    expect(body.participants.map((p) => [p.userId, p.role]).sort()).toEqual(
      [
        [secretary.id, 'secretary'],
        [chair.id, 'chair'],
        [delegate.id, 'delegate'],
      ].sort(),
    );
    expect(body.participants.find((p) => p.userId === chair.id)?.user.fullName).toBe(
      'Đồng chí chutri-manhinh',
    );
    const again = await fetch(`${t.url}/api/v1/displays/roster`, {
      headers: { [DISPLAY_TOKEN_HEADER]: token, 'if-none-match': res.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
    expect((await fetch(`${t.url}/api/v1/displays/roster`)).status).toBe(401);
  });

  it('a revoked token is refused at the next command on a socket the revoke did not reach', async () => {
    const created = await createDisplay(meetingA);
    const display = track(await connectDisplay(t.url, created.token));
    // Revoked behind the service's back (as another node's missed broadcast would leave it).
    await t.dataSource.query('UPDATE display_tokens SET revoked_at = now() WHERE id = $1', [
      created.display.id,
    ]);
    expect(await emit(display, 'meeting.join', { meetingId: meetingA })).toMatchObject({
      ok: false,
      error: { code: 'DISPLAY_TOKEN_INVALID' },
    });
  });

  it('reads its own meeting’s check-in QR code with the token, and nothing without it', async () => {
    const { token } = await createDisplay(meetingA);
    const res = await fetch(`${t.url}/api/v1/displays/qr`, { headers: { [DISPLAY_TOKEN_HEADER]: token } });
    expect(res.status).toBe(200);
    const qr = (await res.json()) as CheckInQr;
    expect(qr.token.length).toBeGreaterThan(10);
    const none = await fetch(`${t.url}/api/v1/displays/qr`);
    expect(none.status).toBe(401);
    // The display token is no user token: the participants' routes refuse it.
    const asBearer = await fetch(`${t.url}/api/v1/meetings/${meetingA}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(asBearer.status).toBe(401);
    expect(errorCode({ status: 401, body: await asBearer.json() })).toBe('UNAUTHENTICATED');
  });
});
