import { shot, startE2eEnv, type E2eEnv, type Tablet, type Viewport } from './support/e2e-env';
import { signIn } from './support/sign-in';

jest.setTimeout(180_000);

/** Run at a fixed instant: the demo meeting is scheduled relative to it, whatever today is. */
const AT = '2026-07-01T08:30:00+07:00';
const HD = { width: 1280, height: 720 } as unknown as Viewport;
const FULL_HD = { width: 1920, height: 1080 } as unknown as Viewport;
const TABLET = { width: 1280, height: 800 } as unknown as Viewport;

/**
 * The hall's big screen in a real Chromium, on the seeded demo meeting: an admin creates the
 * display link on the meeting page; the display (no sign-in) follows the chair moving the current
 * item and giving the floor to a delegate — their name and countdown appear by themselves — and
 * after a reload it shows the same again.
 */
describe('room display (web, e2e)', () => {
  let env: E2eEnv;
  let admin: Tablet;
  let chair: Tablet;
  let delegate: Tablet;
  let display: Tablet;
  let meetingId = '';
  let displayUrl = '';

  beforeAll(async () => {
    env = await startE2eEnv({ at: AT });
    const [row] = await env.app.dataSource.query(
      `SELECT id FROM meetings WHERE status = 'scheduled' LIMIT 1`,
    );
    meetingId = row.id;
    [admin, chair, delegate, display] = await Promise.all([
      env.openTablet(TABLET),
      env.openTablet(HD),
      env.openTablet(TABLET),
      env.openTablet(HD),
    ]);
  });

  afterAll(async () => {
    await env?.close();
  });

  function expectClean(tablet: Tablet): void {
    expect(tablet.errors).toEqual([]);
    expect(tablet.externalRequests).toEqual([]);
  }

  it('lets an admin create a display link on the meeting page', async () => {
    await signIn(admin.page, 'admin');
    await admin.page.goto(`/meetings/${meetingId}`);
    await admin.page.getByTestId('display-tokens').waitFor();
    await admin.page.getByLabel('Tên màn hình').fill('Màn hình LED hội trường');
    await admin.page.getByRole('button', { name: 'Tạo đường dẫn màn hình' }).click();
    const url = admin.page.getByTestId('display-url');
    await url.waitFor();
    displayUrl = await url.inputValue();
    expect(displayUrl).toContain(`/display/${meetingId}?t=`);
    await admin.page.getByTestId('display-tokens').scrollIntoViewIfNeeded();
    await shot(admin.page, 'display-admin-link');
    expectClean(admin);
  });

  it('a delegate does not see the display links', async () => {
    await signIn(delegate.page, 'daibieu01');
    await delegate.page.goto(`/meetings/${meetingId}`);
    await delegate.page.getByTestId('meeting-status').first().waitFor();
    expect(await delegate.page.getByTestId('display-tokens').count()).toBe(0);
  });

  it('follows the chair: current item, the speaker with the countdown; a reload shows the same', async () => {
    const { page } = display;
    await page.goto(displayUrl);
    await page.locator('[data-testid=display][data-live=true]').waitFor();
    await page.locator('[data-testid=check-in-qr][data-ready=true] svg').waitFor();
    await shot(page, 'display-before-start-1280x720');

    await signIn(chair.page, 'chutri');
    await chair.page.goto(`/meetings/${meetingId}/room`);
    await chair.page.getByTestId('room-start').click();
    await chair.page.getByTestId('room-start-confirm').click();
    await chair.page.getByTestId('room-next').click();
    const [first] = await env.app.dataSource.query(
      'SELECT title FROM agenda_items WHERE meeting_id = $1 ORDER BY position LIMIT 1',
      [meetingId],
    );
    const itemTitle: string = first.title;
    await chair.page.getByTestId('room-current-title').filter({ hasText: itemTitle }).waitFor();
    await page.getByTestId('display-item').filter({ hasText: itemTitle }).waitFor();

    await delegate.page.goto(`/meetings/${meetingId}/room`);
    await delegate.page.getByTestId('speaker-request').click();
    await delegate.page.getByTestId('speaker-kind-question').click();
    await page.getByTestId('display-queue').filter({ hasText: 'Lê Văn Thắng' }).waitFor();
    await chair.page.getByTestId('speaker-grant').click();

    await page.getByTestId('display-speaker-name').filter({ hasText: 'Lê Văn Thắng' }).waitFor();
    await page.locator('[data-testid=speaker-countdown][data-phase=normal]').waitFor();
    // Both screens count once they know the server's clock (before that they show no time).
    await chair.page.locator('[data-testid=speaker-countdown][data-phase=normal]').first().waitFor();
    const remaining = async (tablet: Tablet) =>
      Number(await tablet.page.getByTestId('speaker-countdown').first().getAttribute('data-remaining'));
    expect(Math.abs((await remaining(display)) - (await remaining(chair)))).toBeLessThanOrEqual(1);
    await shot(page, 'display-speaker-1280x720');

    await page.reload();
    await page.getByTestId('display-speaker-name').filter({ hasText: 'Lê Văn Thắng' }).waitFor();
    await page.getByTestId('display-item').filter({ hasText: itemTitle }).waitFor();
    await page.locator('[data-testid=speaker-countdown][data-phase=normal]').waitFor();
    expect(Math.abs((await remaining(display)) - (await remaining(chair)))).toBeLessThanOrEqual(1);
    await page.locator('[data-testid=display-quorum]').waitFor();
    await page.setViewportSize(FULL_HD);
    await page.locator('[data-testid=check-in-qr][data-ready=true] svg').waitFor();
    await shot(page, 'display-speaker-1920x1080');
    await page.setViewportSize(HD);

    // The network drops: the display says it is not live; the chair ends the speech meanwhile;
    // back online, the display catches up by itself.
    await display.context.setOffline(true);
    await page.locator('[data-testid=display][data-live=false]').waitFor();
    await shot(page, 'display-offline-1280x720');
    await chair.page.getByTestId('speaker-end').click();
    await chair.page.getByTestId('current-speaker').waitFor({ state: 'hidden' });
    await display.context.setOffline(false);
    await page.locator('[data-testid=display][data-live=true]').waitFor();
    await page.getByTestId('display-speaker-name').waitFor({ state: 'hidden' });
    await page.getByTestId('display-speaker').filter({ hasText: 'Chưa có ai phát biểu' }).waitFor();

    await page.setViewportSize(FULL_HD);
    await page.locator('[data-testid=check-in-qr][data-ready=true] svg').waitFor();
    await shot(page, 'display-after-speech-1920x1080');
    expectClean(display);
    expectClean(chair);
  });

  it('says so when the link is revoked', async () => {
    await admin.page.reload();
    await admin.page.getByRole('button', { name: 'Thu hồi' }).first().click();
    await display.page.getByTestId('display-message').filter({ hasText: 'thu hồi' }).waitFor();
    await shot(display.page, 'display-revoked-1920x1080');
  });
});
