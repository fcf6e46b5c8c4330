import { RealtimeService } from '../apps/api/src/modules/realtime/realtime.service';
import {
  TABLET_LANDSCAPE,
  TABLET_PORTRAIT,
  shot,
  startE2eEnv,
  type E2eEnv,
  type Tablet,
} from './support/e2e-env';
import { pickDate, typeTime } from './support/meeting-form';
import { signIn } from './support/sign-in';
import { touchDrag } from './support/touch-drag';

jest.setTimeout(180_000);

const TITLE = 'Hội nghị chuyên đề chuyển đổi số – phiên thử nghiệm';

const AGENDA = [
  { title: 'Khai mạc, giới thiệu đại biểu', minutes: '10' },
  { title: 'Báo cáo kinh tế – xã hội 6 tháng đầu năm', minutes: '30' },
  { title: 'Sáp nhập tổ dân phố Định Trung và Liên Bảo', minutes: '25' },
  { title: 'Kế hoạch chuyển đổi số phường Vĩnh Phúc', minutes: '20' },
  { title: 'Kết luận của chủ trì', minutes: '15' },
];

/**
 * The suite runs at a fixed instant (server lists and browsers, see startE2eEnv), not at the
 * machine's time: the meeting it schedules "today 14:00–16:30" is ahead of the clock, and "today"
 * is the same day from the first test to the last, at whatever hour and on whatever date it runs.
 */
const AT = '2026-07-01T13:30:00+07:00';
const MEETING_DAY = '2026-07-01';

const ADDED_LIVE = 'Ý kiến của đại biểu về kế hoạch chuyển đổi số';

/**
 * Issue 3 in a real Chromium: the secretary builds a meeting of five items and schedules it (the
 * delegate's bell shows the invitation), the chair starts it and moves through the items, adds and
 * reorders an item and skips one while a delegate's tablet (its own browser context) follows live —
 * also after its connection dropped — then ends it; the chair closes it and the secretary archives it.
 */
describe('meetings (web, e2e)', () => {
  let env: E2eEnv;
  let secretary: Tablet;
  let chair: Tablet;
  let delegate: Tablet;
  let meetingPath = '';
  let order: string[] = [];

  beforeAll(async () => {
    env = await startE2eEnv({ at: AT });
    [secretary, chair, delegate] = await Promise.all([
      env.openTablet(TABLET_LANDSCAPE),
      env.openTablet(TABLET_LANDSCAPE),
      env.openTablet(TABLET_PORTRAIT),
    ]);
  });

  afterAll(async () => {
    await env?.close();
  });

  function expectClean(tablet: Tablet, expected?: RegExp): void {
    expect(tablet.errors.filter((e) => !expected?.test(e))).toEqual([]);
    expect(tablet.externalRequests).toEqual([]);
  }

  async function agendaTitles(tablet: Tablet): Promise<string[]> {
    return tablet.page.getByTestId('agenda-row-title').allTextContents();
  }

  async function roomTitles(tablet: Tablet): Promise<string[]> {
    return tablet.page.getByTestId('room-agenda-title').allTextContents();
  }

  /** The unread count the bell shows, once the list has loaded. */
  async function unreadCount(tablet: Tablet): Promise<number> {
    const { page } = tablet;
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-item').or(page.getByTestId('notification-empty')).first().waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('notification-panel').waitFor({ state: 'hidden' });
    return Number(await page.getByTestId('notification-count').getAttribute('data-count'));
  }

  it('lets the secretary create a meeting with participants and five agenda items, and schedule it', async () => {
    const { page } = secretary;
    await signIn(page, 'thuky');
    await shot(page, 'meetings-list-landscape');
    await page.getByTestId('meeting-new').click();
    const form = page.getByTestId('meeting-details-form');
    await form.locator('input[name=title]').fill(TITLE);
    // The pickers, in Vietnamese: a month calendar (weeks from Monday) and hour/minute columns.
    await form.getByTestId('meeting-date').click();
    await page.getByText(/^Tháng \d{1,2}\/\d{4}$/).waitFor();
    await shot(page, 'date-picker-landscape');
    await page.keyboard.press('Escape');
    await form.getByTestId('meeting-start-time').getByRole('spinbutton', { name: 'Giờ' }).click();
    await page.locator('.mantine-TimePicker-dropdown').waitFor();
    await shot(page, 'time-picker-landscape');
    await page.keyboard.press('Escape');
    await pickDate(page, form.getByTestId('meeting-date'), MEETING_DAY);
    await typeTime(form.getByTestId('meeting-start-time'), '14:00');
    await typeTime(form.getByTestId('meeting-end-time'), '16:30');
    await form.locator('input[name=location]').fill('Hội trường UBND phường Vĩnh Phúc');
    await form.locator('textarea[name=description]').fill('Phiên họp thường kỳ tháng 7 năm 2025.');
    await shot(page, 'meeting-new-landscape');
    await form.getByTestId('meeting-details-submit').click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]+\/edit\?tab=participants/);
    meetingPath = new URL(page.url()).pathname.replace(/\/edit$/, '');

    // Participants from the directory: the chair, then a delegate.
    await page.getByTestId('participant-role').getByText('Chủ trì').click();
    await page.getByTestId('participant-search').fill('Nguyễn Quang Trung');
    await page.getByTestId('candidate-chutri').getByRole('button').click();
    await page.getByTestId('participants-editor').getByTestId('participant-chutri').waitFor();
    await page.getByTestId('participant-role').getByText('Đại biểu').click();
    await page.getByTestId('participant-search').fill('Lê Văn Thắng');
    await page.getByTestId('candidate-daibieu01').getByRole('button').click();
    await page.getByTestId('participants-editor').getByTestId('participant-daibieu01').waitFor();
    await page.getByTestId('participant-search').fill('');
    await shot(page, 'meeting-editor-participants-landscape');

    // Five agenda items.
    await page.getByTestId('tab-agenda').click();
    for (const [index, item] of AGENDA.entries()) {
      await page.getByTestId('agenda-add').click();
      const itemForm = page.getByTestId('agenda-item-form');
      await itemForm.locator('input[name=title]').fill(item.title);
      await itemForm.locator('input[name=plannedMinutes]').fill(item.minutes);
      if (index === 1) {
        await itemForm.getByTestId('agenda-presenter').click();
        await page.getByRole('option', { name: 'Lê Văn Thắng' }).click();
      }
      if (index === 0) await shot(page, 'agenda-item-modal-landscape');
      await itemForm.getByTestId('agenda-item-submit').click();
      await itemForm.waitFor({ state: 'hidden' });
      await page
        .getByTestId(`agenda-row-${index + 1}`)
        .filter({ hasText: item.title })
        .waitFor();
    }
    expect(await agendaTitles(secretary)).toEqual(AGENDA.map((i) => i.title));

    // Reorder with a finger: item 3 goes above item 2 (and the server keeps the new order).
    await touchDrag(
      page,
      page.getByTestId('agenda-row-3').getByTestId('agenda-drag-handle'),
      page.getByTestId('agenda-row-2').getByTestId('agenda-drag-handle'),
    );
    order = [AGENDA[0].title, AGENDA[2].title, AGENDA[1].title, AGENDA[3].title, AGENDA[4].title];
    await page.getByTestId('agenda-row-2').filter({ hasText: AGENDA[2].title }).waitFor();
    await page.reload();
    await page.getByTestId('agenda-row-2').filter({ hasText: AGENDA[2].title }).waitFor();
    expect(await agendaTitles(secretary)).toEqual(order);
    await shot(page, 'meeting-editor-agenda-landscape');

    // The delegate is signed in on a tablet when the invitations go out.
    await signIn(delegate.page, 'daibieu01');
    const unreadBefore = await unreadCount(delegate);

    await page.getByTestId('meeting-schedule').click();
    await page.getByTestId('meeting-transition-confirm').click(); // scheduling sends invitations: asked first
    await page.locator('[data-testid=meeting-status][data-status=scheduled]').waitFor();
    await page.setViewportSize(TABLET_PORTRAIT);
    await shot(page, 'meeting-editor-agenda-portrait');
    await page.setViewportSize(TABLET_LANDSCAPE);

    // Pushed over the socket: the bell counts one more unread, the invitation is on top of the list.
    await delegate.page
      .locator(`[data-testid=notification-count][data-count="${unreadBefore + 1}"]`)
      .waitFor();
    await delegate.page.getByTestId('notification-bell').click();
    const first = delegate.page.getByTestId('notification-item').first();
    await first.filter({ hasText: TITLE }).waitFor();
    expect(await first.getAttribute('data-kind')).toBe('meeting_invitation');
    expect(await first.getAttribute('data-unread')).toBe('true');
    expect(await first.textContent()).toContain('14:00 – 16:30');
    await shot(delegate.page, 'notifications-delegate-portrait');
    await delegate.page.keyboard.press('Escape');
    expectClean(secretary);
  });

  it('lets the invited answer: the delegate opens the invitation from the bell, declines with a reason, then accepts', async () => {
    const { page } = delegate;
    await page.getByTestId('meeting-card').filter({ hasText: TITLE }).waitFor();
    await shot(page, 'meetings-list-portrait');
    const unread = Number(await page.getByTestId('notification-count').getAttribute('data-count'));
    await page.getByTestId('notification-bell').click();
    await page
      .getByTestId('notification-item')
      .filter({ hasText: TITLE })
      .getByTestId('notification-open')
      .click();
    await page.waitForURL((url) => url.pathname === meetingPath);
    // Opening it marked it read.
    await page.locator(`[data-testid=notification-count][data-count="${unread - 1}"]`).waitFor();
    await page.getByTestId('invitation-decline').click();
    await page.getByTestId('decline-submit').click(); // no reason: refused by the contract schema
    await page.getByTestId('decline-form').getByText('Vui lòng nhập thông tin này.').waitFor();
    await page.getByTestId('decline-form').locator('textarea[name=reason]').fill('Đi công tác tại tỉnh');
    await shot(page, 'invitation-decline-portrait');
    await page.getByTestId('decline-submit').click();
    await page.getByTestId('invitation').filter({ hasText: 'Đi công tác tại tỉnh' }).waitFor();
    await page.getByTestId('invitation-accept').click();
    await page.getByTestId('invitation').filter({ hasText: 'Bạn đã xác nhận tham dự' }).waitFor();
    await shot(page, 'meeting-page-portrait');

    await page.getByTestId('meeting-enter-room').click();
    await page.getByTestId('room-current-title').filter({ hasText: 'Chờ chủ trì khai mạc' }).waitFor();
    expectClean(delegate);
  });

  it('lets the chair start the meeting and move through the items while the delegate follows live', async () => {
    const { page } = chair;
    await signIn(page, 'chutri');
    await page.goto(meetingPath);
    await page.getByTestId('invitation-accept').click();
    await page.getByTestId('invitation').filter({ hasText: 'Bạn đã xác nhận tham dự' }).waitFor();
    await shot(page, 'meeting-page-landscape');
    await page.getByTestId('meeting-enter-room').click();
    await page.getByTestId('room-start').waitFor();
    // Presence: the chair sees the delegate in the room, and the other way round.
    await page.locator('[data-testid=presence-daibieu01][data-online=true]').waitFor();
    await delegate.page.locator('[data-testid=presence-chutri][data-online=true]').waitFor();
    await shot(page, 'room-chair-scheduled-landscape');

    // Nobody has checked in: the chair is warned about the quorum and confirms (recorded on the log).
    await page.getByTestId('room-start').click();
    await page.getByTestId('room-start-confirm').click();
    await delegate.page.locator('[data-testid=meeting-status][data-status=live]').waitFor();
    await delegate.page
      .getByTestId('room-current-title')
      .filter({ hasText: 'Chờ chủ trì chuyển nội dung' })
      .waitFor();

    for (const [index, title] of order.entries()) {
      await page.getByTestId('room-next').click();
      await page.getByTestId('room-current-title').filter({ hasText: title }).waitFor();
      // The delegate's tablet follows: its highlighted item and its big card change.
      await delegate.page
        .locator('[data-testid=room-agenda-item][data-current=true]')
        .filter({ hasText: title })
        .waitFor();
      await delegate.page.getByTestId('room-current-title').filter({ hasText: title }).waitFor();
      expect(await delegate.page.locator('[data-testid=room-agenda-item][data-current=true]').count()).toBe(
        1,
      );
      if (index === 1) {
        await shot(page, 'room-chair-live-landscape');
        await shot(delegate.page, 'room-delegate-live-portrait');
      }
    }
    expect(await page.getByTestId('room-next').isDisabled()).toBe(true);

    // Back one item, then the chair jumps straight to the first item.
    await page.getByTestId('room-previous').click();
    await delegate.page.getByTestId('room-current-title').filter({ hasText: order[3] }).waitFor();
    await page
      .locator('[data-testid=room-agenda-item]')
      .filter({ hasText: order[0] })
      .getByTestId('room-jump')
      .click();
    await delegate.page.getByTestId('room-current-title').filter({ hasText: order[0] }).waitFor();
    expectClean(chair);
    expectClean(delegate);
  });

  it('lets the chair add, reorder and skip items during the meeting, and the delegate sees it live', async () => {
    const { page } = chair;
    // A new item, added at the end by the chair (socket command agenda.add).
    await page.getByTestId('room-agenda-add').click();
    const itemForm = page.getByTestId('agenda-item-form');
    await itemForm.locator('input[name=title]').fill(ADDED_LIVE);
    await itemForm.locator('input[name=plannedMinutes]').fill('10');
    await shot(page, 'room-chair-add-item-landscape');
    await itemForm.getByTestId('agenda-item-submit').click();
    await itemForm.waitFor({ state: 'hidden' });
    const expected = [...order, ADDED_LIVE];
    await delegate.page.getByTestId('room-agenda-title').filter({ hasText: ADDED_LIVE }).waitFor();
    expect(await roomTitles(delegate)).toEqual(expected);

    // Dragged with a finger above the closing item (agenda.reorder).
    const rows = page.getByTestId('room-agenda-item');
    await touchDrag(
      page,
      rows.nth(5).getByTestId('room-drag-handle'),
      rows.nth(4).getByTestId('room-drag-handle'),
    );
    order = [...order.slice(0, 4), ADDED_LIVE, order[4]];
    await delegate.page
      .locator('[data-testid=room-agenda-item]')
      .nth(4)
      .filter({ hasText: ADDED_LIVE })
      .waitFor();
    expect(await roomTitles(delegate)).toEqual(order);
    expect(await roomTitles(chair)).toEqual(order);

    // Skipped, then put back (agenda.update status).
    const added = (tablet: Tablet) =>
      tablet.page.locator('[data-testid=room-agenda-item]').filter({ hasText: ADDED_LIVE });
    await added(chair).getByTestId('room-item-menu').click();
    await page.getByTestId('room-item-skip').click();
    await added(delegate).and(delegate.page.locator('[data-status=skipped]')).waitFor();
    await shot(page, 'room-chair-skipped-landscape');
    await shot(delegate.page, 'room-delegate-skipped-portrait');
    await added(chair).getByTestId('room-item-menu').click();
    await page.getByTestId('room-item-unskip').click();
    await added(delegate).and(delegate.page.locator('[data-status=pending]')).waitFor();
    // The delegate only follows: no handles, no menus.
    expect(await delegate.page.getByTestId('room-drag-handle').count()).toBe(0);
    expect(await delegate.page.getByTestId('room-item-menu').count()).toBe(0);
    expectClean(chair);
    expectClean(delegate);
  });

  it('brings a delegate whose connection dropped back to the chair’s current item', async () => {
    const [{ id: delegateId }] = await env.app.dataSource.query<{ id: string }[]>(
      `SELECT id FROM users WHERE username = 'daibieu01'`,
    );
    await delegate.context.setOffline(true);
    env.app.app.get(RealtimeService).io.in(`user:${delegateId}`).disconnectSockets(true);
    await delegate.page.getByTestId('reconnect-banner').waitFor({ timeout: 10_000 });

    // Meanwhile the chair moves on twice.
    await chair.page.getByTestId('room-next').click();
    await chair.page.getByTestId('room-current-title').filter({ hasText: order[1] }).waitFor();
    await chair.page.getByTestId('room-next').click();
    await chair.page.getByTestId('room-current-title').filter({ hasText: order[2] }).waitFor();
    await shot(delegate.page, 'room-delegate-reconnecting-portrait');
    expect(await delegate.page.getByTestId('room-current-title').textContent()).toBe(order[0]);

    await delegate.context.setOffline(false);
    await delegate.page.getByTestId('reconnect-banner').waitFor({ state: 'hidden', timeout: 15_000 });
    await delegate.page
      .locator('[data-testid=room-agenda-item][data-current=true]')
      .filter({ hasText: order[2] })
      .waitFor();
    // Nothing applied twice: the delegate's seq is the chair's.
    const chairSeq = await chair.page.getByTestId('meeting-room').getAttribute('data-seq');
    await delegate.page.locator(`[data-testid=meeting-room][data-seq="${chairSeq}"]`).waitFor();

    // The chair ends the meeting; the delegate sees it end.
    await chair.page.getByTestId('room-end').click();
    await chair.page.getByTestId('room-end-confirm').click();
    await delegate.page.locator('[data-testid=meeting-status][data-status=ended]').waitFor();
    await delegate.page
      .getByTestId('room-current-title')
      .filter({ hasText: 'Cuộc họp đã kết thúc' })
      .waitFor();
    await shot(delegate.page, 'room-delegate-ended-portrait');
    expectClean(delegate, /ERR_INTERNET_DISCONNECTED/);
    expectClean(chair);
  });

  it('shows the meeting in the lists and in the week and month calendar', async () => {
    const { page } = secretary;
    await page.goto('/meetings?view=today');
    await page.getByTestId('meeting-card').filter({ hasText: TITLE }).waitFor();
    await shot(page, 'meetings-today-landscape');
    await page.goto('/meetings?view=past');
    await page.getByTestId('meeting-list').or(page.getByTestId('meetings-empty')).waitFor();
    await page.goto('/meetings?view=calendar');
    await page.getByTestId('calendar-week').getByText(TITLE).waitFor();
    await shot(page, 'calendar-week-landscape');
    // The secret iCalendar address of the signed-in user.
    await page.getByRole('button', { name: 'Đồng bộ lịch' }).click();
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('input[readonly]')).some((i) =>
        /\.ics$/.test((i as HTMLInputElement).value),
      ),
    );
    await shot(page, 'calendar-feed-landscape');
    await page.keyboard.press('Escape');
    await page.getByText('Tháng', { exact: true }).click();
    await page.getByTestId('calendar-month').getByText(TITLE).waitFor();
    await shot(page, 'calendar-month-landscape');
    await page.setViewportSize(TABLET_PORTRAIT);
    await shot(page, 'calendar-month-portrait');
    expectClean(secretary);
  });

  it('lets the chair close the ended meeting and the secretary archive it', async () => {
    // The chair, still in the room, closes the meeting (the delegate's tablet follows).
    const { page } = chair;
    await page.getByTestId('room-after').waitFor();
    expect(await page.getByTestId('meeting-archive').count()).toBe(0);
    await page.getByTestId('meeting-close').click();
    await shot(page, 'room-chair-close-confirm-landscape');
    await page.getByTestId('meeting-transition-confirm').click();
    await page.locator('[data-testid=meeting-status][data-status=closed]').waitFor();
    await delegate.page.locator('[data-testid=meeting-status][data-status=closed]').waitFor();
    // Archiving is the secretary's: the chair has nothing more to do.
    await page.getByTestId('room-after').waitFor({ state: 'hidden' });

    const secretaryPage = secretary.page;
    await secretaryPage.goto(meetingPath);
    await secretaryPage.locator('[data-testid=meeting-status][data-status=closed]').waitFor();
    await secretaryPage.getByTestId('meeting-archive').click();
    await shot(secretaryPage, 'meeting-archive-confirm-landscape');
    await secretaryPage.getByTestId('meeting-transition-confirm').click();
    await secretaryPage.locator('[data-testid=meeting-status][data-status=archived]').waitFor();
    expect(await secretaryPage.getByTestId('meeting-archive').count()).toBe(0);
    expect(await secretaryPage.getByTestId('meeting-enter-room').count()).toBe(0);
    await shot(secretaryPage, 'meeting-archived-landscape');
    await secretaryPage.setViewportSize(TABLET_PORTRAIT);
    await shot(secretaryPage, 'meeting-archived-portrait');
    await secretaryPage.setViewportSize(TABLET_LANDSCAPE);
    expectClean(chair);
    expectClean(secretary);
  });
});
