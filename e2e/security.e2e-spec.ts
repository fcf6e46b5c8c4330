import type { Meeting, UserSummary } from '@phonghop/common';
import { api, signIn as apiSignIn } from '../apps/api/test/identity-helpers';
import { DEMO_PASSWORD, E2eEnv, shot, startE2eEnv, TABLET_LANDSCAPE, type Tablet } from './support/e2e-env';
import { signIn } from './support/sign-in';

/**
 * The built web app under the server's Content-Security-Policy: signing in, opening a meeting and
 * working its room raise no CSP violation (reported by the browser as `securitypolicyviolation`
 * events and console errors). Also the chair's handover button, end to end.
 */
describe('the web app under its Content-Security-Policy', () => {
  let env: E2eEnv;
  let meetingId: string;

  beforeAll(async () => {
    env = await startE2eEnv();
    const secretary = await apiSignIn(env.baseUrl, 'thuky', DEMO_PASSWORD);
    const auth = { authorization: `Bearer ${secretary.accessToken}` };
    const find = async (username: string) =>
      (
        await api<{ items: UserSummary[] }>(env.baseUrl, `/users/directory?q=${username}`, { headers: auth })
      ).body.items.find((u) => u.username === username)!;
    const meeting = await api<Meeting>(env.baseUrl, '/meetings', {
      method: 'POST',
      headers: auth,
      body: {
        title: 'Họp kiểm tra chính sách bảo mật nội dung',
        kind: 'other',
        startsAt: '2026-12-20T08:00:00+07:00',
        endsAt: '2026-12-20T10:00:00+07:00',
        online: true,
      },
    });
    meetingId = meeting.body.id;
    for (const [username, role] of [
      ['chutri', 'chair'],
      ['daibieu01', 'delegate'],
    ] as const) {
      const user = await find(username);
      await api(env.baseUrl, `/meetings/${meetingId}/participants`, {
        method: 'POST',
        headers: auth,
        body: { userId: user.id, role },
      });
    }
    await api(env.baseUrl, `/meetings/${meetingId}/transitions`, {
      method: 'POST',
      headers: auth,
      body: { to: 'scheduled' },
    });
  }, 120_000);
  afterAll(() => env?.close());

  /** Records every CSP violation the page reports, from the first script on. */
  async function watchCsp(tablet: Tablet): Promise<() => Promise<string[]>> {
    await tablet.context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __csp: string[] }).__csp = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    return () => tablet.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp ?? []);
  }

  it('signs in, opens a meeting and hands over the chair with no CSP violation', async () => {
    const tablet = await env.openTablet(TABLET_LANDSCAPE);
    const violations = await watchCsp(tablet);
    const { page } = tablet;
    const response = await page.goto('/sign-in');
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");

    await signIn(page, 'chutri');
    await page.goto(`/meetings/${meetingId}/room`);
    await page.getByTestId('room-start').waitFor();
    await page.getByTestId('handover-open').click();
    await page.getByTestId('handover-to-daibieu01').click();
    await shot(page, 'room-handover-landscape');
    await page.getByTestId('handover-confirm').click();
    // No longer the chair: the start button is gone, daibieu01 is shown as the chair.
    await page.getByTestId('room-start').waitFor({ state: 'detached' });
    await page.getByTestId('presence-daibieu01').filter({ hasText: 'Chủ trì' }).waitFor();
    await shot(page, 'room-after-handover-landscape');

    expect(await violations()).toEqual([]);
    expect(tablet.errors).toEqual([]);
    expect(tablet.externalRequests).toEqual([]);
  });
});
