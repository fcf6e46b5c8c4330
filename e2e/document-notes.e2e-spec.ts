import type { Page } from 'playwright-core';
import { addTestDocument } from '../apps/api/test/document-fixtures';
import { shot, startE2eEnv, type E2eEnv, type Tablet, type Viewport } from './support/e2e-env';
import { signIn } from './support/sign-in';

jest.setTimeout(240_000);

const LANDSCAPE = { width: 1024, height: 768 } as unknown as Viewport;
const PORTRAIT = { width: 768, height: 1024 } as unknown as Viewport;
const PHONE = { width: 390, height: 844 } as unknown as Viewport;
// 09:00 in Hà Nội; comments on the draft close ten minutes later.
const AT = '2026-12-08T09:00:00+07:00';
const DEADLINE = '2026-12-08T09:10:00+07:00';

async function noSidewaysScroll(page: Page): Promise<void> {
  const { scroll, inner } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(inner);
}

/**
 * Comments on a draft and private notes in Chromium, on the seeded demo meeting: a delegate comments
 * and writes a note on a tablet, the same delegate's phone shows the note at once, the secretary sees
 * the comment and exports the summary, and after the deadline (server and browser clocks moved
 * together) the form is closed.
 */
describe('document notes and comments (web, e2e)', () => {
  let env: E2eEnv;
  let delegate: Tablet;
  let delegatePhone: Tablet;
  let secretary: Tablet;
  let pagePath = '';

  beforeAll(async () => {
    env = await startE2eEnv({ at: AT });
    const [meeting] = await env.app.dataSource.query(
      `SELECT id FROM meetings WHERE status = 'scheduled' LIMIT 1`,
    );
    const [thuky] = await env.app.dataSource.query(`SELECT id FROM users WHERE username = 'thuky'`);
    const doc = await addTestDocument(env.app, {
      meetingId: meeting.id,
      uploaderId: thuky.id,
      title: 'Dự thảo Nghị quyết về chỉnh trang đô thị phường Vĩnh Phúc',
      commentDeadline: new Date(DEADLINE).toISOString(),
      pages: 4,
    });
    pagePath = `/meetings/${meeting.id}/documents/${doc.id}/comments`;
    [delegate, delegatePhone, secretary] = await Promise.all([
      env.openTablet(PORTRAIT),
      env.openTablet(PHONE),
      env.openTablet(LANDSCAPE),
    ]);
  });

  afterAll(async () => {
    await env?.close();
  });

  function expectClean(tablet: Tablet): void {
    expect(tablet.errors).toEqual([]);
    expect(tablet.externalRequests).toEqual([]);
  }

  it('lets a delegate comment and keep notes that follow them to their phone', async () => {
    const { page } = delegate;
    await signIn(page, 'daibieu01');
    await page.goto(pagePath);
    await page.getByTestId('comments-panel').waitFor();
    await page.getByTestId('comments-deadline').getByText('09:10').waitFor();
    await page.getByTestId('comments-panel').locator('label', { hasText: 'Trang 1' }).click();
    await page.getByLabel('Nội dung góp ý').fill('Đề nghị làm rõ nguồn kinh phí chỉnh trang vỉa hè.');
    await page.getByRole('button', { name: 'Gửi góp ý' }).click();
    await page.getByTestId('comment-card').getByText('Đề nghị làm rõ nguồn kinh phí').waitFor();
    await shot(page, 'document-comments-delegate-portrait');

    await signIn(delegatePhone.page, 'daibieu01');
    await delegatePhone.page.goto(pagePath);
    await delegatePhone.page.getByRole('tab', { name: 'Ghi chú riêng' }).click();
    await delegatePhone.page.getByTestId('notes-panel').waitFor();

    await page.getByRole('tab', { name: 'Ghi chú riêng' }).click();
    await page.getByLabel('Ghi chú mới cho trang 1').fill('Hỏi lại phòng Quản lý đô thị về điều 4.');
    await page.getByRole('button', { name: 'Thêm ghi chú' }).click();
    await page.getByTestId('note-card').getByText('Hỏi lại phòng Quản lý đô thị').waitFor();
    await shot(page, 'document-notes-delegate-portrait');

    // The phone shows it without a reload: pushed to this user's own sockets.
    await delegatePhone.page.getByTestId('note-card').getByText('Hỏi lại phòng Quản lý đô thị').waitFor();
    await shot(delegatePhone.page, 'document-notes-delegate-phone');
    await noSidewaysScroll(delegatePhone.page);
    expectClean(delegate);
    expectClean(delegatePhone);
  });

  it('shows the secretary every comment and exports the summary', async () => {
    const { page } = secretary;
    await signIn(page, 'thuky');
    await page.goto(pagePath);
    await page.getByTestId('comments-review').getByText('Đề nghị làm rõ nguồn kinh phí').waitFor();
    // The secretary does not see the delegate's private note.
    await page.getByRole('tab', { name: 'Ghi chú riêng' }).click();
    await page.getByTestId('notes-panel').waitFor();
    expect(await page.getByText('Hỏi lại phòng Quản lý đô thị').count()).toBe(0);
    await page.getByRole('tab', { name: 'Góp ý dự thảo' }).click();
    await shot(page, 'document-comments-secretary-landscape');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('comments-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    expectClean(secretary);
  });

  it('closes the form at the deadline by the server’s clock', async () => {
    await env.advance(11 * 60_000);
    const { page } = delegate;
    await page.reload();
    await page.getByTestId('comments-closed').waitFor();
    expect(await page.getByRole('button', { name: 'Gửi góp ý' }).count()).toBe(0);
    await shot(page, 'document-comments-closed-portrait');
    expectClean(delegate);
  });
});
