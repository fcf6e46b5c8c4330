import type { Ack, MeetingDetail } from '@phonghop/common';
import { startTestApp, TestApp } from '../../../test/test-app';
import {
  addParticipant,
  call,
  connect,
  createMeeting,
  emit,
  eventually,
  expectStatus,
  key,
  Person,
  person,
  TestSocket,
  transition,
} from '../../../test/meetings-kit';

/** Limits far below the defaults, so a test reaches them with a few dozen commands. */
const ENV = {
  SOCKET_WRITE_PER_SECOND: '2',
  SOCKET_READ_PER_SECOND: '5',
  MAX_SOCKETS_PER_USER: '3',
  MEETING_COMMAND_CONCURRENCY: '1',
  MEETING_COMMAND_QUEUE: '2',
  // With Redis the limits are counted there (shared by all nodes): the same tests then prove that store.
  ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
};

describe('floods are contained', () => {
  let t: TestApp;
  let secretary: Person;
  let chair: Person;
  let guest: Person;
  let meetingId: string;
  const sockets: TestSocket[] = [];
  const open = async (who: Person) => {
    const s = await connect(t.url, who);
    sockets.push(s);
    return s;
  };
  const serverSeq = async () =>
    expectStatus(await call<MeetingDetail>(t, secretary, 'GET', `/meetings/${meetingId}`), 200).seq;

  beforeAll(async () => {
    t = await startTestApp({ env: ENV });
    [secretary, chair, guest] = await Promise.all([
      person(t, 'thuky-flood'),
      person(t, 'chutri-flood'),
      person(t, 'khach-flood'),
    ]);
    const m = await createMeeting(t, secretary, { title: 'Họp bị tấn công dồn dập' });
    meetingId = m.id;
    await addParticipant(t, secretary, m.id, chair, 'chair');
    await addParticipant(t, secretary, m.id, guest, 'guest');
    await transition(t, secretary, m.id, 'scheduled');
    await transition(t, chair, m.id, 'live');
  }, 60_000);

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t?.close();
  });

  it('refuses a write flood from one socket with RATE_LIMITED and a retry time; only accepted commands write', async () => {
    const s = await open(chair);
    const before = await serverSeq();
    const acks = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        emit(s, 'agenda.add', { meetingId, idempotencyKey: key(), title: `Dồn dập ${i}` }),
      ),
    );
    const accepted = acks.filter((a) => a.ok).length;
    const limited = acks.filter((a): a is Extract<Ack<unknown>, { ok: false }> => !a.ok);
    expect(limited.length).toBeGreaterThan(0);
    for (const a of limited) {
      expect(a.error.code).toBe('RATE_LIMITED');
      expect(a.error.retryAfterMs).toBeGreaterThan(0);
    }
    // The steady rate plus the burst allowance of one socket: 2 + 2 × 2.
    expect(accepted).toBeLessThanOrEqual(6);
    expect(await serverSeq()).toBe(before + accepted);
  });

  it('closes a socket that keeps sending after RATE_LIMITED, and writes nothing for it', async () => {
    const s = await open(chair);
    const closed = new Promise<string>((resolve) => s.once('disconnect', (reason) => resolve(reason)));
    const before = await serverSeq();
    // 120 writes at once, never waiting the retry time: far past the allowance, then past patience.
    const acks = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        emit(s, 'agenda.add', { meetingId, idempotencyKey: key(), title: `Không dừng ${i}` }).catch(
          () => null,
        ),
      ),
    ).catch(() => []);
    expect(await closed).toBe('io server disconnect');
    const accepted = acks.filter((a) => a && a.ok).length;
    expect(await serverSeq()).toBe(before + accepted);
  });

  it('limits a guest’s join flood, and the user across their sockets', async () => {
    const a = await open(guest);
    const b = await open(guest);
    const acks = await Promise.all(
      Array.from({ length: 60 }, (_, i) => emit(i % 2 ? a : b, 'meeting.join', { meetingId })),
    );
    const refused = acks.filter((x) => !x.ok);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((x) => !x.ok && x.error.code === 'RATE_LIMITED')).toBe(true);
    // Per user: twice one socket's allowance (5 + 10) — two sockets together get no more.
    expect(acks.filter((x) => x.ok).length).toBeLessThanOrEqual(30);
  });

  it('caps the sockets of one user; the new one is refused with TOO_MANY_SOCKETS', async () => {
    const me = await person(t, 'daibieu-nhieu-the');
    const first = await Promise.all([open(me), open(me), open(me)]);
    const refusal = await connect(t.url, me).then(
      () => null,
      (err: Error & { data?: { code?: string } }) => err.data?.code,
    );
    expect(refusal).toBe('TOO_MANY_SOCKETS');
    // The open ones were kept; closing one makes room.
    expect(first.every((s) => s.connected)).toBe(true);
    first[0].close();
    await eventually(async () => {
      const s = await open(me);
      expect(s.connected).toBe(true);
    });
  });

  it('queues one meeting’s commands apart, refusing beyond the queue, without writing the refused', async () => {
    const before = await serverSeq();
    // REST has no per-socket limit, so this reaches the meeting's queue (1 running, 2 waiting).
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(t, chair, 'POST', `/meetings/${meetingId}/agenda`, { title: `Qua REST ${i}` }),
      ),
    );
    const statuses = results.map((r) => r.status);
    const accepted = statuses.filter((s) => s === 201).length;
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s !== 201 && s !== 429)).toEqual([]);
    for (const r of results.filter((x) => x.status === 429)) {
      expect(r.body).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    }
    expect(await serverSeq()).toBe(before + accepted);
  });

  it('answers the health check while the connection pool is taken', async () => {
    expect((await fetch(`${t.url}/api/v1/health`)).status).toBe(200);
    // Every pooled connection busy for a few seconds (the pool holds 20).
    const busy = Array.from({ length: 20 }, () => t.dataSource.query('SELECT pg_sleep(4)'));
    const res = await fetch(`${t.url}/api/v1/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', db: 'up' });
    await Promise.all(busy);
  });
});
