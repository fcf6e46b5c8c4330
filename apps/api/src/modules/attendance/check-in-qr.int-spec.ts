import type { AttendanceRecord, CheckInQr, MeetingEvent } from '@phonghop/common';
import { startTestApp, TestApp } from '../../../test/test-app';
import {
  addParticipant,
  call,
  createMeeting,
  errorCode,
  expectStatus,
  Person,
  person,
  transition,
} from '../../../test/meetings-kit';
import { checkInKey, checkInTokenForWindow, windowAt } from './check-in-token';

/** The room's QR check-in over real HTTP: issued to the chair's screen, refused when stale, replayed or moved. */
describe('QR check-in', () => {
  let t: TestApp;
  let secretary: Person;
  let chair: Person;
  let delegates: Person[];
  let outsider: Person;
  let meetingA: string;
  let meetingB: string;

  beforeAll(async () => {
    t = await startTestApp();
    secretary = await person(t, 'thuky-qr');
    chair = await person(t, 'chutri-qr');
    outsider = await person(t, 'ngoai-qr');
    delegates = [await person(t, 'daibieu-qr-1'), await person(t, 'daibieu-qr-2')];
    const make = async () => {
      const m = await createMeeting(t, secretary);
      await addParticipant(t, secretary, m.id, chair, 'chair');
      for (const d of delegates) await addParticipant(t, secretary, m.id, d, 'delegate');
      await transition(t, secretary, m.id, 'scheduled');
      return m.id;
    };
    meetingA = await make();
    meetingB = await make();
  });

  afterAll(() => t?.close());

  const qr = (who: Person, meetingId: string) =>
    call<CheckInQr>(t, who, 'GET', `/meetings/${meetingId}/attendance/qr`);
  const scan = (who: Person, meetingId: string, token: string) =>
    call<AttendanceRecord>(t, who, 'POST', `/meetings/${meetingId}/attendance/qr-check-in`, { token });

  it('shows the code to the chair and the secretary only', async () => {
    const code = expectStatus(await qr(chair, meetingA), 200);
    expect(code.token).toMatch(new RegExp(`^v1\\.${meetingA}\\.\\d+\\.[\\w-]+$`));
    expect(Date.parse(code.validUntil)).toBeGreaterThan(Date.parse(code.serverTime));
    expect(Date.parse(code.validUntil) - Date.parse(code.serverTime)).toBeLessThanOrEqual(30_000);
    expectStatus(await qr(secretary, meetingA), 200);
    expect(errorCode(await qr(delegates[0], meetingA))).toBe('MEETING_ROLE_REQUIRED');
    expect(errorCode(await qr(outsider, meetingA))).toBe('MEETING_NOT_FOUND');
  });

  it('checks a delegate in once with a code, and refuses the same code from the same person again', async () => {
    const { token } = expectStatus(await qr(chair, meetingA), 200);
    const record = expectStatus(await scan(delegates[0], meetingA, token), 200);
    expect(record).toMatchObject({ userId: delegates[0].id, status: 'present_room', method: 'qr' });
    const replay = await scan(delegates[0], meetingA, token);
    expect(replay.status).toBe(409);
    expect(errorCode(replay)).toBe('QR_TOKEN_USED');
    // The code is for the room, not for one person: another delegate uses it too.
    expectStatus(await scan(delegates[1], meetingA, token), 200);

    const events: { type: string; payload: MeetingEvent['payload'] }[] = await t.dataSource.query(
      `SELECT type, payload FROM meeting_events WHERE meeting_id = $1 AND type = 'attendance.marked' ORDER BY seq`,
      [meetingA],
    );
    expect(events.map((e) => (e.payload as { record: AttendanceRecord }).record.method)).toEqual([
      'qr',
      'qr',
    ]);
  });

  it('refuses an expired code, another meeting’s code, a forged code and outsiders', async () => {
    const key = checkInKey('test-secret-test-secret-test-secret-0123456789');
    const now = windowAt(new Date());
    // Signed with the real key, but two windows old (a photo sent away a minute ago).
    const expired = await scan(delegates[0], meetingB, checkInTokenForWindow(key, meetingB, now - 3));
    expect(errorCode(expired)).toBe('QR_TOKEN_EXPIRED');
    const future = await scan(delegates[0], meetingB, checkInTokenForWindow(key, meetingB, now + 5));
    expect(errorCode(future)).toBe('QR_TOKEN_EXPIRED');

    const { token: tokenA } = expectStatus(await qr(chair, meetingA), 200);
    expect(errorCode(await scan(delegates[0], meetingB, tokenA))).toBe('QR_TOKEN_INVALID');

    const wrongKey = checkInTokenForWindow(
      checkInKey('another-secret-another-secret-0123456789'),
      meetingB,
      now,
    );
    expect(errorCode(await scan(delegates[0], meetingB, wrongKey))).toBe('QR_TOKEN_INVALID');
    expect(errorCode(await scan(delegates[0], meetingB, 'v1.garbage'))).toBe('QR_TOKEN_INVALID');
    const [, , w, sig] = tokenA.split('.');
    expect(errorCode(await scan(delegates[0], meetingB, `v1.${meetingB}.${w}.${sig}`))).toBe(
      'QR_TOKEN_INVALID',
    );

    const { token: tokenB } = expectStatus(await qr(chair, meetingB), 200);
    expect(errorCode(await scan(outsider, meetingB, tokenB))).toBe('MEETING_NOT_FOUND');
    // None of the refusals checked anyone in.
    const rows = await t.dataSource.query('SELECT user_id FROM attendance_records WHERE meeting_id = $1', [
      meetingB,
    ]);
    expect(rows).toEqual([]);
    // The delegate's own use of the current code was not spent by the refusals.
    expectStatus(await scan(delegates[0], meetingB, tokenB), 200);
  });
});
