import type { Page } from 'playwright-core';
import { signIn as apiSignIn } from '../apps/api/test/identity-helpers';
import { addParticipant, createMeeting, transition, type Person } from '../apps/api/test/meetings-kit';
import { DEMO_PASSWORD, shot, startE2eEnv, TABLET_PORTRAIT, type E2eEnv } from './support/e2e-env';
import { signIn } from './support/sign-in';

jest.setTimeout(180_000);

/**
 * The meeting lists at instants where "today" and "overdue" are easy to get wrong, with the
 * server's clock and the browser's (playwright `clock.install`) set to them — so this runs the same
 * at any hour on any date. A meeting nobody held stays in "Sắp tới" and "Hôm nay", flagged "Quá
 * giờ", and never moves to "Đã qua" by the clock alone; a page left open over midnight follows.
 */
const vn = (local: string) => `${local}+07:00`;

interface Planned {
  title: string;
  starts: string;
  ends: string;
  /** The transitions it goes through (an admin performs them). */
  path: string[];
}

interface Case {
  what: string;
  at: string;
  meetings: Planned[];
  /** In "Hôm nay" (the others of the case are not). */
  today: string[];
  /** Flagged "Quá giờ". */
  overdue: string[];
  /** In "Đã qua" (the others of the case are in "Sắp tới"). */
  past: string[];
  /** Three minutes later (00:01), with the page left open on "Hôm nay". */
  todayAfterMidnight?: string[];
}

const CASES: Case[] = [
  {
    what: 'the last minutes of the year, then the first of the next',
    at: vn('2026-12-31T23:58:00'),
    meetings: [
      {
        title: 'Giao ban cuối năm (chưa họp)',
        starts: '2026-12-31T14:00:00',
        ends: '2026-12-31T16:30:00',
        path: ['scheduled'],
      },
      {
        title: 'Họp mừng năm mới',
        starts: '2027-01-01T08:00:00',
        ends: '2027-01-01T09:30:00',
        path: ['scheduled'],
      },
      {
        title: 'Tổng kết năm (đã họp)',
        starts: '2026-12-31T08:00:00',
        ends: '2026-12-31T11:00:00',
        path: ['scheduled', 'live', 'ended'],
      },
    ],
    today: ['Giao ban cuối năm (chưa họp)', 'Tổng kết năm (đã họp)'],
    overdue: ['Giao ban cuối năm (chưa họp)'],
    past: ['Tổng kết năm (đã họp)'],
    todayAfterMidnight: ['Giao ban cuối năm (chưa họp)', 'Họp mừng năm mới'],
  },
  {
    what: 'early morning in Vietnam while UTC is still on the previous day',
    at: vn('2026-06-16T06:00:00'),
    meetings: [
      {
        title: 'Giao ban sáng thứ ba',
        starts: '2026-06-16T07:30:00',
        ends: '2026-06-16T09:00:00',
        path: ['scheduled'],
      },
      {
        title: 'Họp chiều thứ hai (đã họp)',
        starts: '2026-06-15T14:00:00',
        ends: '2026-06-15T16:00:00',
        path: ['scheduled', 'live', 'ended'],
      },
    ],
    today: ['Giao ban sáng thứ ba'],
    overdue: [],
    past: ['Họp chiều thứ hai (đã họp)'],
  },
  {
    what: 'the last minutes of a 30-day month',
    at: vn('2026-04-30T23:58:00'),
    meetings: [
      {
        title: 'Họp ngày 1 tháng 5',
        starts: '2026-05-01T07:30:00',
        ends: '2026-05-01T09:00:00',
        path: ['scheduled'],
      },
      {
        title: 'Họp tháng tư (chưa họp)',
        starts: '2026-04-29T08:00:00',
        ends: '2026-04-29T10:00:00',
        path: ['scheduled'],
      },
    ],
    today: ['Họp tháng tư (chưa họp)'],
    overdue: ['Họp tháng tư (chưa họp)'],
    past: [],
    todayAfterMidnight: ['Họp tháng tư (chưa họp)', 'Họp ngày 1 tháng 5'],
  },
];

describe('meeting lists at fixed instants (web, e2e)', () => {
  let env: E2eEnv;
  let admin: Person;

  beforeAll(async () => {
    env = await startE2eEnv({ at: CASES[0].at });
    const session = await apiSignIn(env.app.url, 'admin', DEMO_PASSWORD);
    admin = { id: session.user.id, username: 'admin', token: session.accessToken };
  });

  afterAll(async () => {
    await env?.close();
  });

  /** The titles of one list, once it has loaded. */
  async function listTitles(page: Page, view: string): Promise<string[]> {
    await page.goto(`/meetings?view=${view}`);
    await page.getByTestId('meeting-list').or(page.getByTestId('meetings-empty')).waitFor();
    return page.getByTestId('meeting-card-title').allTextContents();
  }

  it.each(CASES)('$what ($at)', async (c) => {
    const [delegate] = await env.app.dataSource.query<{ id: string }[]>(
      `SELECT id FROM users WHERE username = 'daibieu01'`,
    );
    for (const m of c.meetings) {
      const made = await createMeeting(env.app, admin, {
        title: m.title,
        startsAt: vn(m.starts),
        endsAt: vn(m.ends),
      });
      await addParticipant(env.app, admin, made.id, { ...admin, id: delegate.id }, 'delegate');
      for (const to of m.path) await transition(env.app, admin, made.id, to);
    }
    const mine = (titles: string[]) => titles.filter((t) => c.meetings.some((m) => m.title === t));
    const all = c.meetings.map((m) => m.title);

    // Both clocks read the case's instant from here on (the browser's from the tablet's opening).
    env.clock!.setTo(c.at);
    const tablet = await env.openTablet(TABLET_PORTRAIT);
    const { page } = tablet;
    await signIn(page, 'daibieu01');
    // The browser really reads the case's instant.
    expect(await page.evaluate(() => Date.now())).toBeGreaterThanOrEqual(Date.parse(c.at));

    const upcoming = all.filter((t) => !c.past.includes(t));
    expect(mine(await listTitles(page, 'upcoming')).sort()).toEqual([...upcoming].sort());
    for (const title of all) {
      const card = page.getByTestId('meeting-card').filter({ hasText: title });
      if (!upcoming.includes(title)) continue;
      expect(await card.getByTestId('meeting-overdue').count()).toBe(c.overdue.includes(title) ? 1 : 0);
    }
    await shot(page, `meetings-clock-${c.at.slice(0, 10)}-upcoming-portrait`);
    expect(mine(await listTitles(page, 'past')).sort()).toEqual([...c.past].sort());
    expect(mine(await listTitles(page, 'today')).sort()).toEqual([...c.today].sort());
    await shot(page, `meetings-clock-${c.at.slice(0, 10)}-today-portrait`);

    if (c.todayAfterMidnight) {
      // Midnight passes with the page open: the list turns to the new day by itself.
      const dayBefore = await page.getByTestId('meeting-list').getAttribute('data-day');
      await env.advance(3 * 60_000);
      await page.locator(`[data-testid=meeting-list]:not([data-day="${dayBefore}"])`).waitFor();
      const expected = [...c.todayAfterMidnight].sort();
      await page.waitForFunction(
        ([titles, want]) => {
          const shown = Array.from(document.querySelectorAll('[data-testid=meeting-card-title]'))
            .map((e) => e.textContent ?? '')
            .filter((t) => titles.includes(t))
            .sort();
          return JSON.stringify(shown) === JSON.stringify(want);
        },
        [all, expected] as const,
      );
      // Three minutes without a ping read as a dropped connection (a lid closed): it comes back.
      await page.getByTestId('reconnect-banner').waitFor({ state: 'hidden', timeout: 15_000 });
      await shot(page, `meetings-clock-${c.at.slice(0, 10)}-after-midnight-portrait`);
    }
    expect(tablet.errors).toEqual([]);
    expect(tablet.externalRequests).toEqual([]);
  });
});
