import { shot, startE2eEnv, type E2eEnv, type Tablet, type Viewport } from './support/e2e-env';
import { checkInPath } from '@phonghop/common';
import { checkInKey, issueCheckInToken } from '../apps/api/src/modules/attendance/check-in-token';
import { signIn } from './support/sign-in';

jest.setTimeout(180_000);

// The sizes of the issue: a landscape tablet, a portrait tablet, a phone. (Viewport names the two
// stock tablet sizes; any size works in Chromium.)
const LANDSCAPE = { width: 1280, height: 800 } as unknown as Viewport;
const PORTRAIT = { width: 800, height: 1280 } as unknown as Viewport;
const PHONE = { width: 390, height: 844 } as unknown as Viewport;

/**
 * Attendance in a real Chromium, on the seeded demo meeting (chair chutri, secretary thuky,
 * daibieu01…12, guest khach): a delegate checks in on the tablet and the chair sees it at once with
 * the tablet connected; the secretary on a phone marks a delegate absent with a reason; the chair
 * starts without quorum only after confirming; a reload shows the same attendance.
 */
describe('attendance (web, e2e)', () => {
  let env: E2eEnv;
  let chair: Tablet;
  let delegate: Tablet;
  let secretary: Tablet;
  let roomPath = '';

  beforeAll(async () => {
    env = await startE2eEnv();
    const [row] = await env.app.dataSource.query(
      `SELECT id FROM meetings WHERE status = 'scheduled' LIMIT 1`,
    );
    roomPath = `/meetings/${row.id}/room`;
    [chair, delegate, secretary] = await Promise.all([
      env.openTablet(LANDSCAPE),
      env.openTablet(PORTRAIT),
      env.openTablet(PHONE),
    ]);
  });

  afterAll(async () => {
    await env?.close();
  });

  function expectClean(tablet: Tablet): void {
    expect(tablet.errors).toEqual([]);
    expect(tablet.externalRequests).toEqual([]);
  }

  it('checks a delegate in on the tablet and shows it to the chair with the tablet connected', async () => {
    await signIn(chair.page, 'chutri');
    await chair.page.goto(roomPath);
    await chair.page.getByTestId('attendance-panel').waitFor();
    await chair.page.locator('[data-testid=quorum][data-counted="0"][data-reached=false]').waitFor();

    await signIn(delegate.page, 'daibieu01');
    await delegate.page.goto(roomPath);
    await delegate.page.locator('[data-testid=check-in][data-status=none]').waitFor();
    // A delegate does not get the chair's and secretary's list.
    expect(await delegate.page.getByTestId('attendance-panel').count()).toBe(0);
    await shot(delegate.page, 'attendance-delegate-before-portrait');
    await delegate.page.getByTestId('check-in-button').click();
    await delegate.page.locator('[data-testid=check-in][data-status=present_room]').waitFor();

    await chair.page
      .locator('[data-testid=attendance-daibieu01][data-status=present_room][data-connected=true]')
      .waitFor();
    await chair.page.locator('[data-testid=quorum][data-counted="1"]').waitFor();
    // The secretary has not opened the room: their tablet shows as not connected.
    await chair.page.locator('[data-testid=attendance-thuky][data-connected=false]').waitFor();
    await shot(chair.page, 'attendance-chair-landscape');
    await shot(delegate.page, 'attendance-delegate-portrait');
    expectClean(chair);
    expectClean(delegate);
  });

  it('lets the secretary mark a delegate absent with a reason from a phone', async () => {
    const { page } = secretary;
    await signIn(page, 'thuky');
    await page.goto(roomPath);
    await page.getByTestId('attendance-menu-daibieu02').click();
    await page.getByTestId('mark-absent').click();
    await page.getByTestId('reason-other').click();
    expect(await page.getByTestId('absence-save').isDisabled()).toBe(true);
    await page.getByTestId('absence-note').fill('Dự hội nghị của quận');
    await shot(page, 'attendance-secretary-absence-phone');
    await page.getByTestId('absence-save').click();
    await page.locator('[data-testid=attendance-daibieu02][data-status=absent]').waitFor();
    await chair.page
      .locator('[data-testid=attendance-daibieu02][data-status=absent]')
      .filter({ hasText: 'Dự hội nghị của quận' })
      .waitFor();
    await page.getByTestId('attendance-daibieu02').scrollIntoViewIfNeeded();
    await shot(page, 'attendance-secretary-phone');
    expectClean(secretary);
  });

  it('shows the chair the check-in QR code, and a phone that follows it checks its owner in after sign-in', async () => {
    await chair.page.getByTestId('show-check-in-qr').click();
    await chair.page.locator('[data-testid=check-in-qr][data-ready=true] svg').waitFor();
    await shot(chair.page, 'attendance-qr-landscape');
    await chair.page.keyboard.press('Escape');

    // The phone opens what the code encodes (the test signs it with the server's key rather than
    // reading the picture); not signed in yet, it goes through sign-in and comes back.
    const meetingId = roomPath.split('/')[2];
    const key = checkInKey(env.app.config.JWT_SECRET);
    const { token } = issueCheckInToken(key, meetingId, new Date());
    const phone = await env.openTablet(PHONE);
    await phone.page.goto(checkInPath(meetingId, token));
    await phone.page.locator('input[name=username]').waitFor();
    await signIn(phone.page, 'daibieu03');
    await phone.page.locator('[data-testid=qr-check-in][data-status=done]').waitFor();
    await shot(phone.page, 'attendance-qr-done-phone');
    await chair.page.locator('[data-testid=attendance-daibieu03][data-status=present_room]').waitFor();
    // The same code again from the same person is refused.
    await phone.page.reload();
    await phone.page
      .locator('[data-testid=qr-check-in][data-status=failed]')
      .filter({ hasText: 'đã dùng' })
      .waitFor();
    expect(phone.externalRequests).toEqual([]);
  });

  it('warns the chair that there is no quorum and starts only after the confirmation', async () => {
    const { page } = chair;
    await page.getByTestId('room-start').click();
    await page.getByTestId('start-no-quorum').waitFor();
    await shot(page, 'attendance-start-no-quorum-landscape');
    await page.getByRole('button', { name: 'Hủy' }).click();
    await page.getByTestId('start-no-quorum').waitFor({ state: 'hidden' });
    expect(await page.locator('[data-testid=meeting-status][data-status=scheduled]').count()).toBe(1);

    await page.getByTestId('room-start').click();
    await page.getByTestId('room-start-confirm').click();
    await delegate.page.locator('[data-testid=meeting-status][data-status=live]').waitFor();

    const [event] = await env.app.dataSource.query(
      `SELECT payload FROM meeting_events WHERE type = 'meeting.statusChanged' AND payload->>'to' = 'live'`,
    );
    expect(event.payload.quorum).toMatchObject({ reached: false, confirmedWithoutQuorum: true, counted: 2 });

    // A reload rebuilds the same attendance from the snapshot.
    await page.reload();
    await page.locator('[data-testid=attendance-daibieu01][data-status=present_room]').waitFor();
    await page.locator('[data-testid=attendance-daibieu02][data-status=absent]').waitFor();
    await page.locator('[data-testid=attendance-daibieu03][data-status=present_room]').waitFor();
    await page.locator('[data-testid=quorum][data-counted="2"]').waitFor();
    expectClean(chair);
    expectClean(delegate);
  });

  it('lets a delegate ask for the floor, the chair give it, and the countdown runs on both screens', async () => {
    await chair.page.getByTestId('room-next').click();
    await delegate.page.getByTestId('speakers-panel').waitFor();
    await delegate.page.getByTestId('speaker-request').click();
    await delegate.page.getByTestId('speaker-kind-question').click();
    await chair.page.locator('[data-testid=speaker-row][data-kind=question]').waitFor();
    await delegate.page.getByTestId('speaker-withdraw').waitFor();

    await chair.page.getByTestId('speaker-grant').click();
    for (const tablet of [chair, delegate]) {
      await tablet.page.getByTestId('current-speaker').waitFor();
      await tablet.page.locator('[data-testid=speaker-countdown][data-phase=normal]').waitFor();
    }
    // Both count down from the same start and limit (5 min by default), on the server's clock.
    const remaining = async (tablet: Tablet) =>
      Number(await tablet.page.getByTestId('speaker-countdown').getAttribute('data-remaining'));
    const [a, b] = await Promise.all([remaining(chair), remaining(delegate)]);
    expect(a).toBeLessThanOrEqual(300);
    expect(Math.abs(a - b)).toBeLessThanOrEqual(1);
    await shot(chair.page, 'speakers-chair-landscape');
    await delegate.page.getByTestId('speakers-panel').scrollIntoViewIfNeeded();
    await shot(delegate.page, 'speakers-delegate-portrait');

    // A reload shows the same speech, still counting.
    await chair.page.reload();
    await chair.page.locator('[data-testid=speaker-countdown][data-phase=normal]').waitFor();
    expect(Math.abs((await remaining(chair)) - (await remaining(delegate)))).toBeLessThanOrEqual(1);
    await chair.page.getByTestId('speaker-end').click();
    await delegate.page.getByTestId('current-speaker').waitFor({ state: 'hidden' });
    expectClean(chair);
    expectClean(delegate);
  });
});
