import { RealtimeService } from '../apps/api/src/modules/realtime/realtime.service';
import {
  TABLET_LANDSCAPE,
  TABLET_PORTRAIT,
  shot,
  startE2eEnv,
  type E2eEnv,
  type Tablet,
} from './support/e2e-env';
import { signIn, signOut } from './support/sign-in';

/**
 * Issue 2 in a real Chromium: sign in, the shell, language switch, admin user management, a
 * disabled user thrown out through `session.revoked`, a delegate signing in. Screenshots of every
 * screen at both tablet orientations go to /tmp/shots.
 */
jest.setTimeout(120_000);

describe('foundation (web, e2e)', () => {
  let env: E2eEnv;

  beforeAll(async () => {
    env = await startE2eEnv();
  });

  afterAll(async () => {
    await env?.close();
  });

  /** No page errors (except those the test caused on purpose) and nothing fetched from outside. */
  function expectClean(tablet: Tablet, expected?: RegExp): void {
    expect(tablet.errors.filter((e) => !expected?.test(e))).toEqual([]);
    expect(tablet.externalRequests).toEqual([]);
  }

  it('shows the sign-in page in Vietnamese and refuses a wrong password', async () => {
    for (const [label, viewport] of [
      ['landscape', TABLET_LANDSCAPE],
      ['portrait', TABLET_PORTRAIT],
    ] as const) {
      const tablet = await env.openTablet(viewport);
      const { page } = tablet;
      await page.goto('/');
      await page.waitForURL(/\/sign-in/);
      await page.locator('button[type=submit]').filter({ hasText: 'Đăng nhập' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('vi');
      await shot(page, `sign-in-${label}`);

      await page.locator('input[name=username]').fill('admin');
      await page.locator('input[name=password]').fill('wrong-password');
      await page.locator('button[type=submit]').click();
      await page
        .getByTestId('sign-in-error')
        .filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng.' })
        .waitFor();
      await shot(page, `sign-in-error-${label}`);
      // The font ships with the app: Be Vietnam Pro is loaded, not a system fallback.
      expect(await page.evaluate(() => document.fonts.check('16px "Be Vietnam Pro"', 'Đăng nhập'))).toBe(
        true,
      );
      expectClean(tablet);
      await tablet.context.close();
    }
  });

  it('tells a person who keeps failing to wait (TOO_MANY_ATTEMPTS)', async () => {
    const tablet = await env.openTablet();
    const { page } = tablet;
    await page.goto('/sign-in');
    const error = page.getByTestId('sign-in-error');
    for (let attempt = 1; attempt <= 6; attempt++) {
      await page.locator('input[name=username]').fill('daibieu12');
      await page.locator('input[name=password]').fill(`wrong-${attempt}`);
      await page.locator('button[type=submit]').click();
      await page.locator('button[type=submit]:not([data-loading])').waitFor();
      await error.waitFor();
      if ((await error.textContent())?.includes('Quá nhiều lần thử')) break;
    }
    await error.filter({ hasText: 'Quá nhiều lần thử. Vui lòng thử lại sau ít phút.' }).waitFor();
    await shot(page, 'sign-in-too-many-landscape');
    expectClean(tablet);
  });

  it('signs the admin in to the shell, which survives a reload (refresh cookie)', async () => {
    const tablet = await env.openTablet();
    const { page } = tablet;
    await signIn(page, 'admin');
    await page.waitForURL(/\/meetings$/);
    await page.getByTestId('nav-meetings').filter({ hasText: 'Cuộc họp' }).waitFor();
    await page.getByTestId('nav-users').filter({ hasText: 'Người dùng' }).waitFor();
    expect(await page.getByTestId('user-menu-name').textContent()).toBe('Phan Minh Tuấn');
    await shot(page, 'shell-admin-landscape');

    await page.reload();
    await page.getByTestId('user-menu').waitFor();
    expect(page.url()).toMatch(/\/meetings$/);

    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').waitFor();
    await shot(page, 'user-menu-landscape');
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/sign-in/);
    // Signed out for real: a reload does not bring the session back.
    await page.reload();
    await page.locator('input[name=username]').waitFor();
    expect(page.url()).toMatch(/\/sign-in/);
    expectClean(tablet);
  });

  it('switches the language to English and back, remembering the choice', async () => {
    const tablet = await env.openTablet(TABLET_PORTRAIT);
    const { page } = tablet;
    await signIn(page, 'admin');
    await shot(page, 'shell-admin-portrait');

    await page.getByTestId('user-menu').click();
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByTestId('nav-meetings').filter({ hasText: 'Meetings' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await shot(page, 'shell-english-portrait');

    await page.reload();
    await page.getByTestId('nav-users').filter({ hasText: 'Users' }).waitFor();

    await page.getByTestId('user-menu').click();
    await page.getByTestId('language-switch').getByText('Tiếng Việt').click();
    await page.getByTestId('nav-meetings').filter({ hasText: 'Cuộc họp' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await page.keyboard.press('Escape');
    await signOut(page);
    // The sign-in page keeps the language too.
    await page.locator('button[type=submit]').filter({ hasText: 'Đăng nhập' }).waitFor();
    expectClean(tablet);
  });

  it('lets the admin create a user who then signs in on another tablet', async () => {
    const admin = await env.openTablet();
    await signIn(admin.page, 'admin');
    await admin.page.getByTestId('nav-users').click();
    await admin.page.getByTestId('user-row-daibieu01').waitFor();
    await shot(admin.page, 'users-landscape');

    await admin.page.getByTestId('user-create').click();
    const form = admin.page.getByTestId('user-form');
    await form.waitFor();
    await form.getByTestId('user-form-submit').click(); // empty: the contract schema refuses it
    await form.getByText('Vui lòng nhập thông tin này.').first().waitFor();
    await form.locator('input[name=username]').fill('nguyenthimai');
    await form.locator('input[name=fullName]').fill('Nguyễn Thị Mai');
    await form.locator('input[name=title]').fill('Bí thư Chi bộ khu phố Định Trung');
    await form.locator('input[name=unit]').fill('Chi bộ khu phố Định Trung');
    await form.locator('input[name=password]').fill('maimai2025');
    await shot(admin.page, 'user-create-landscape');
    await form.getByTestId('user-form-submit').click();
    await form.waitFor({ state: 'hidden' });
    await admin.page.getByTestId('user-row-nguyenthimai').waitFor();

    // Search ignores diacritics on the server; the table follows.
    await admin.page.getByTestId('user-search').fill('nguyen thi mai');
    await admin.page.getByTestId('user-row-daibieu01').waitFor({ state: 'hidden' });
    await admin.page.getByTestId('user-row-nguyenthimai').waitFor();
    await admin.page.getByTestId('user-search').fill('');

    const mai = await env.openTablet(TABLET_PORTRAIT);
    await signIn(mai.page, 'nguyenthimai', 'maimai2025');
    expect(await mai.page.getByTestId('user-menu-name').textContent()).toBe('Nguyễn Thị Mai');
    // A member sees no admin navigation.
    expect(await mai.page.getByTestId('nav-users').count()).toBe(0);
    await shot(mai.page, 'shell-member-portrait');
    expectClean(admin);
    expectClean(mai);
  });

  it('throws a signed-in user out within seconds when the admin disables them', async () => {
    const delegate = await env.openTablet();
    await signIn(delegate.page, 'daibieu02');
    await delegate.page.waitForURL(/\/meetings$/);

    const admin = await env.openTablet(TABLET_PORTRAIT);
    await signIn(admin.page, 'admin');
    await admin.page.getByTestId('nav-users').click();
    const row = admin.page.getByTestId('user-row-daibieu02');
    await row.getByTestId('user-toggle-active').click();
    await admin.page.getByTestId('toggle-active-confirm').waitFor();
    await shot(admin.page, 'user-disable-portrait');
    await admin.page.getByTestId('toggle-active-confirm').click();
    await row.getByTestId('user-status').filter({ hasText: 'Đã khóa' }).waitFor();
    await shot(admin.page, 'users-portrait');

    // The socket's `session.revoked` takes the delegate to the sign-in page with the reason.
    await delegate.page.waitForURL(/\/sign-in/, { timeout: 10_000 });
    await delegate.page
      .getByTestId('sign-in-notice')
      .filter({ hasText: 'Tài khoản của bạn đã bị khóa' })
      .waitFor();
    await shot(delegate.page, 'signed-out-disabled-landscape');

    // And they cannot come back in.
    await delegate.page.locator('input[name=username]').fill('daibieu02');
    await delegate.page.locator('input[name=password]').fill('vinhphuc2025');
    await delegate.page.locator('button[type=submit]').click();
    await delegate.page.getByTestId('sign-in-error').waitFor();

    // Enabled again, the account works.
    await row.getByTestId('user-toggle-active').click();
    await admin.page.getByTestId('toggle-active-confirm').click();
    await row.getByTestId('user-status').filter({ hasText: 'Hoạt động' }).waitFor();
    await signIn(delegate.page, 'daibieu02');
    expectClean(admin);
    expectClean(delegate);
  });

  it('sends a tablet that comes back on a session ended while it was away to the sign-in page', async () => {
    // The handshake takes the still-signed token; the session read that follows finds it ended,
    // tells the tablet `session.revoked` and closes the socket (docs/events/session.revoked.md).
    const delegate = await env.openTablet();
    await signIn(delegate.page, 'daibieu05');
    await delegate.page.waitForURL(/\/meetings$/);
    await delegate.context.setOffline(true);
    await delegate.page.locator('[data-testid=reconnect-banner][data-status=offline]').waitFor();
    // Signed out elsewhere while this tablet was off the network: no socket of it was open to tell.
    await env.app.dataSource.query(
      `UPDATE auth_sessions s SET revoked_at = now(), revoked_reason = 'logout'
         FROM users u WHERE u.id = s.user_id AND u.username = 'daibieu05' AND s.revoked_at IS NULL`,
    );
    await delegate.context.setOffline(false);
    await delegate.page.waitForURL(/\/sign-in/, { timeout: 10_000 });
    await delegate.page
      .getByTestId('sign-in-notice')
      .filter({ hasText: 'Phiên đăng nhập đã được kết thúc.' })
      .waitFor();
    await shot(delegate.page, 'signed-out-while-away-landscape');
    // (A request made while the tablet was off the network failed, as it should.)
    expectClean(delegate, /ERR_INTERNET_DISCONNECTED/);
  });

  it('lets the admin reset a password', async () => {
    const admin = await env.openTablet();
    await signIn(admin.page, 'admin');
    await admin.page.getByTestId('nav-users').click();
    await admin.page.getByTestId('user-row-khach').getByTestId('user-reset-password').click();
    const form = admin.page.getByTestId('reset-password-form');
    await form.locator('input[name=password]').fill('khachmoi2025');
    await shot(admin.page, 'user-reset-password-landscape');
    await form.getByTestId('reset-password-submit').click();
    await form.waitFor({ state: 'hidden' });

    const guest = await env.openTablet();
    await signIn(guest.page, 'khach', 'khachmoi2025');
    expectClean(admin);
    expectClean(guest);
  });

  it('signs a delegate in (daibieu01) and shows the reconnect banner while the socket is down', async () => {
    const tablet = await env.openTablet(TABLET_PORTRAIT);
    const { page } = tablet;
    await signIn(page, 'daibieu01');
    expect(await page.getByTestId('user-menu-name').textContent()).toBe('Lê Văn Thắng');
    await shot(page, 'shell-delegate-portrait');

    // Cut the tablet off the network and drop its socket from the server side.
    await tablet.context.setOffline(true);
    env.app.app.get(RealtimeService).io.disconnectSockets();
    await page
      .getByTestId('reconnect-banner')
      .filter({ hasText: 'Mất kết nối — đang kết nối lại…' })
      .waitFor({ timeout: 10_000 });
    await shot(page, 'reconnecting-portrait');
    await tablet.context.setOffline(false);
    await page.getByTestId('reconnect-banner').waitFor({ state: 'hidden', timeout: 15_000 });
    expectClean(tablet, /ERR_INTERNET_DISCONNECTED/);
  });
});
