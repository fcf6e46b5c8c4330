import path from 'node:path';
import type { Page } from 'playwright-core';
import { expectNoHorizontalOverflow } from './support/axe';
import { PHONE, shot, startE2eEnv, TABLET_PORTRAIT, type E2eEnv, type Tablet } from './support/e2e-env';
import { signIn } from './support/sign-in';

jest.setTimeout(180_000);

/** Phone screenshots go under test-results/ (git-ignored), for people to look at. */
const PHONE_SHOTS = path.resolve(__dirname, '../test-results/phone');

/** A phone screen: its picture, axe-core (WCAG AA incl. contrast) and no sideways scrolling. */
async function check(page: Page, name: string): Promise<void> {
  await shot(page, name, { dir: PHONE_SHOTS });
  await expectNoHorizontalOverflow(page, name);
}

/**
 * Issue 6 "Phones, accents, touch and reading", in a real Chromium at 390×844: the list, the
 * meeting page, the editor and the room fit a phone with a drawer navigation; search ignores
 * diacritics; removing asks first; blocked pages say why; only organisers create meetings.
 */
describe('phones, accents, touch and reading (web, e2e)', () => {
  let env: E2eEnv;
  let secretary: Tablet;
  let delegate: Tablet;
  let meeting: { id: string; title: string };

  beforeAll(async () => {
    env = await startE2eEnv();
    [meeting] = await env.app.dataSource.query<{ id: string; title: string }[]>(
      'SELECT id, title FROM meetings ORDER BY created_at LIMIT 1',
    );
    [secretary, delegate] = await Promise.all([env.openTablet(PHONE), env.openTablet(PHONE)]);
  });

  afterAll(async () => {
    await env?.close();
  });

  function expectClean(tablet: Tablet): void {
    expect(tablet.errors).toEqual([]);
    expect(tablet.externalRequests).toEqual([]);
  }

  it('signs in on a phone, with Vietnamese hidden labels', async () => {
    const { page } = secretary;
    await page.goto('/sign-in');
    await page.locator('input[name=username]').waitFor();
    await check(page, 'phone-sign-in');
    expect(await page.getByRole('button', { name: 'Hiện/ẩn mật khẩu' }).count()).toBe(1);
    await signIn(page, 'thuky');
  });

  it('shows the meeting list with a drawer navigation and finds meetings without diacritics', async () => {
    const { page } = secretary;
    await page.getByTestId('meeting-card').filter({ hasText: meeting.title }).waitFor();
    // The rail is folded away (slid off the screen) behind the burger on a phone.
    const navOnScreen = () =>
      page.getByTestId('nav-meetings').evaluate((el) => el.getBoundingClientRect().right > 0);
    expect(await navOnScreen()).toBe(false);
    await check(page, 'phone-meetings-list');
    await page.getByTestId('nav-burger').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid=nav-meetings]')!.getBoundingClientRect().left >= 0,
    );
    await check(page, 'phone-navigation-drawer');
    await page.getByTestId('nav-meetings').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid=nav-meetings]')!.getBoundingClientRect().right <= 0,
    );
    expect(await navOnScreen()).toBe(false);

    const search = page.getByTestId('meetings-search');
    await search.fill('vinh phuc');
    await page.getByTestId('meeting-card').filter({ hasText: meeting.title }).waitFor();
    await search.fill('VĨNH PHÚC'.normalize('NFD'));
    await page.getByTestId('meeting-card').filter({ hasText: meeting.title }).waitFor();
    await search.fill('khong co cuoc hop nay');
    await page.getByTestId('meetings-empty').waitFor();
    await check(page, 'phone-meetings-search-empty');
    await search.fill('');
    await page.getByTestId('meeting-card').filter({ hasText: meeting.title }).waitFor();
    expectClean(secretary);
  });

  it('shows the meeting page with agenda descriptions, stacked on a phone', async () => {
    const { page } = secretary;
    await page.getByTestId('meeting-card').filter({ hasText: meeting.title }).click();
    await page.waitForURL((url) => url.pathname === `/meetings/${meeting.id}`);
    await page.getByTestId('agenda-item-description').first().waitFor();
    await check(page, 'phone-meeting-page');
    expectClean(secretary);
  });

  it('asks before removing an agenda item or a participant', async () => {
    const { page } = secretary;
    await page.goto(`/meetings/${meeting.id}/edit?tab=agenda`);
    const rows = page.locator('[data-testid^=agenda-row-]');
    await rows.first().waitFor();
    const before = await page.getByTestId('agenda-row-title').allTextContents();
    await page.getByTestId('agenda-row-description').first().waitFor();
    await check(page, 'phone-editor-agenda');

    const last = page.getByTestId(`agenda-row-${before.length}`);
    await last.getByTestId('agenda-remove').click();
    const dialog = page.getByTestId('agenda-remove-confirm');
    await dialog.getByText(before[before.length - 1], { exact: false }).waitFor();
    await check(page, 'phone-editor-remove-item-confirm');
    await page.getByTestId('confirm-cancel').click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByTestId('agenda-row-title').allTextContents()).toEqual(before);

    await last.getByTestId('agenda-remove').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId(`agenda-row-${before.length}`).waitFor({ state: 'detached' });
    expect(await page.getByTestId('agenda-row-title').allTextContents()).toEqual(before.slice(0, -1));

    await page.getByTestId('tab-participants').click();
    const guest = page.getByTestId('participants-editor').getByTestId('participant-khach');
    await guest.waitFor();
    await check(page, 'phone-editor-participants');
    await guest.getByTestId('participant-remove').click();
    await page.getByTestId('participant-remove-confirm').getByText('Bỏ người này khỏi cuộc họp?').waitFor();
    await page.getByTestId('confirm-ok').click();
    await guest.waitFor({ state: 'detached' });
    expectClean(secretary);
  });

  it('shows the room stacked on a phone', async () => {
    const { page } = secretary;
    await page.goto(`/meetings/${meeting.id}/room`);
    await page.getByTestId('room-current-title').waitFor();
    await check(page, 'phone-room');
    expectClean(secretary);
  });

  it('tells a delegate why they cannot create or edit a meeting, and hides the button', async () => {
    const { page } = delegate;
    await signIn(page, 'daibieu03');
    await page.getByTestId('meeting-card').filter({ hasText: meeting.title }).waitFor();
    expect(await page.getByTestId('meeting-new').count()).toBe(0);

    await page.goto('/meetings/new');
    await page.getByTestId('blocked-reason').filter({ hasText: 'Chỉ thư ký' }).waitFor();
    expect(await page.locator('input[name=title]').count()).toBe(0);
    await check(page, 'phone-new-meeting-blocked');

    // The role is the reason here (the meeting is scheduled, so the status would allow a secretary).
    await page.goto(`/meetings/${meeting.id}/edit`);
    await page.getByTestId('blocked-reason').filter({ hasText: 'không phải thư ký' }).waitFor();
    expect(await page.getByTestId('blocked-reason').textContent()).not.toContain('trạng thái');
    await check(page, 'phone-editor-blocked');
    expectClean(delegate);
  });

  it('lets an admin make a delegate an organiser, who then may create meetings', async () => {
    const admin = await env.openTablet(TABLET_PORTRAIT);
    await signIn(admin.page, 'admin');
    await admin.page.goto('/users');
    const row = admin.page.getByTestId('user-row-daibieu03');
    await row.getByTestId('user-edit').click();
    const form = admin.page.getByTestId('user-form');
    await form.getByTestId('user-can-organise').click();
    await shot(admin.page, 'users-organiser-switch-portrait');
    await form.getByTestId('user-form-submit').click();
    await row.getByTestId('user-organiser').waitFor();
    await admin.page.setViewportSize(PHONE);
    await check(admin.page, 'phone-users');

    // The delegate's app learns it when it next loads its session (a page load is one).
    const { page } = delegate;
    await page.goto('/meetings');
    await page.getByTestId('meeting-card').first().waitFor();
    await page.getByTestId('meeting-new').click();
    await page.locator('input[name=title]').waitFor();
    await check(page, 'phone-new-meeting');
    expectClean(admin);
    expectClean(delegate);
  });
});
