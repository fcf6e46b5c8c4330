import { MEETING_LIST_SCOPES, meetingListScopes, type MeetingListResponse } from '@phonghop/common';
import { call, createMeeting, expectStatus, person, Person, transition } from '../../../test/meetings-kit';
import { startTestApp, TestApp } from '../../../test/test-app';
import { TestClock } from '../../../test/test-clock';

/**
 * The server's list query (SQL) and the shared rule `meetingListScopes` agree, at fixed instants
 * where "today" is easy to get wrong: late evening in Vietnam while UTC is still on the previous
 * day, just after midnight, a month end, the year end. The app runs on a TestClock, so this passes
 * whatever the machine's date and hour.
 */
const INSTANTS = [
  '2026-06-15T23:30:00+07:00', // 16:30 UTC: UTC's day and Vietnam's are the same…
  '2026-06-16T00:01:00+07:00', // …and here they differ (UTC: 17:01 on the 15th)
  '2026-04-30T23:59:00+07:00', // the last minute of a 30-day month
  '2026-12-31T23:59:00+07:00', // the year's last minute
  '2027-01-01T00:01:00+07:00', // the next year's first
];

/** Planned [start, end) relative to an instant, in hours. */
const SLOTS: [number, number][] = [
  [-26, -25], // yesterday (or earlier)
  [-0.5, 1], // now
  [0.5, 2], // soon, maybe after midnight
  [20, 21], // tomorrow
];
const PATHS: Record<string, string[]> = {
  draft: [],
  scheduled: ['scheduled'],
  live: ['scheduled', 'live'],
  ended: ['scheduled', 'live', 'ended'],
};

describe('meeting lists at fixed instants (server query = shared rule)', () => {
  const clock = new TestClock(INSTANTS[0]);
  let t: TestApp;
  let admin: Person;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await person(t, 'quantri', 'admin');
    // Every slot around every instant, in every status: 5 × 4 × 4 meetings, all in every list.
    for (const at of INSTANTS) {
      const base = Date.parse(at);
      const made = SLOTS.flatMap(([from, to]) =>
        Object.entries(PATHS).map(async ([status, path]) => {
          const m = await createMeeting(t, admin, {
            title: `${status} ${at} ${from}h`,
            startsAt: new Date(base + from * 3_600_000).toISOString(),
            endsAt: new Date(base + to * 3_600_000).toISOString(),
          });
          for (const step of path) await transition(t, admin, m.id, step);
        }),
      );
      await Promise.all(made);
    }
  }, 120_000);
  afterAll(() => t?.close());

  it.each(INSTANTS)('at %s every list holds exactly the meetings the rule puts there', async (at) => {
    clock.setTo(at);
    const get = async (q: string) =>
      expectStatus(await call<MeetingListResponse>(t, admin, 'GET', `/meetings${q}`), 200).items;
    const all = await get('');
    expect(all).toHaveLength(INSTANTS.length * SLOTS.length * Object.keys(PATHS).length);
    for (const scope of MEETING_LIST_SCOPES) {
      const now = clock.now();
      const expected = all
        .filter((m) => meetingListScopes(m, now).includes(scope))
        .map((m) => m.title)
        .sort();
      const actual = (await get(`?scope=${scope}`)).map((m) => m.title).sort();
      expect({ scope, titles: actual }).toEqual({ scope, titles: expected });
    }
    // The property that matters most: nothing not held is past.
    const past = await get('?scope=past');
    expect(past.every((m) => ['ended', 'closed', 'archived'].includes(m.status))).toBe(true);
  });
});
