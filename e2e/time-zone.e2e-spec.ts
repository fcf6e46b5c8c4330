import {
  shot,
  startE2eEnv,
  TABLET_LANDSCAPE,
  TABLET_PORTRAIT,
  type E2eEnv,
  type Tablet,
} from './support/e2e-env';
import { pickDate, typeTime } from './support/meeting-form';
import { signIn } from './support/sign-in';

jest.setTimeout(180_000);

/**
 * The suite runs at a fixed instant (server and browsers, see startE2eEnv): a Sunday evening in
 * Vietnam that is still Sunday afternoon in UTC, so the demo meeting (seeded a week ahead) is in
 * "next week" on both kinds of device, whatever the machine's date.
 */
const AT = '2026-03-01T21:00:00+07:00';

/** A day in Vietnam, `days` from the suite's clock, as 'YYYY-MM-DD'. */
function vietnamDay(env: E2eEnv, days: number): string {
  return new Date(env.clock!.now().getTime() + days * 86_400_000).toLocaleDateString('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
  });
}

/**
 * Meeting times are Vietnam time whatever the device's zone: the seeded demo meeting (08:00–11:30 in
 * Vĩnh Phúc) reads 08:00 on a tablet set to Vietnam and on a laptop left on UTC, and a time entered
 * on the UTC laptop is stored as that hour in Vietnam.
 */
describe('time zone (web, e2e)', () => {
  let env: E2eEnv;
  let demo: { id: string; title: string; startsAt: Date };

  beforeAll(async () => {
    env = await startE2eEnv({ at: AT });
    const rows = await env.app.dataSource.query<{ id: string; title: string; startsAt: Date }[]>(
      `SELECT id, title, starts_at AS "startsAt" FROM meetings WHERE title LIKE 'Hội nghị Ban Chấp hành%'`,
    );
    expect(rows).toHaveLength(1);
    demo = rows[0];
    // The seed's own statement of the time (apps/api/src/database/seed/demo-meeting.ts): 08:00 +07:00.
    expect(demo.startsAt.toLocaleTimeString('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false })).toBe(
      '08:00:00',
    );
  });

  afterAll(async () => {
    await env?.close();
  });

  function expectClean(tablet: Tablet): void {
    expect(tablet.errors).toEqual([]);
    expect(tablet.externalRequests).toEqual([]);
  }

  it.each(['UTC', 'Asia/Ho_Chi_Minh'])(
    'shows the demo meeting at 08:00 in a browser set to %s',
    async (zone) => {
      const tablet = await env.openTablet(TABLET_LANDSCAPE, { timezoneId: zone });
      const { page } = tablet;
      await signIn(page, 'thuky');
      // The browser really is in that zone.
      const deviceHour = await page.evaluate((iso) => new Date(iso).getHours(), demo.startsAt.toISOString());
      expect(deviceHour).toBe(zone === 'UTC' ? 1 : 8);

      // The list…
      const card = page.getByTestId('meeting-card').filter({ hasText: demo.title });
      await card.waitFor();
      expect(await card.textContent()).toContain('08:00 – 11:30');
      // …the meeting's page…
      await page.goto(`/meetings/${demo.id}`);
      await page
        .getByTestId('meeting-time')
        .filter({ hasText: /^08:00 – 11:30, / })
        .waitFor();
      const note = page.getByText('(giờ Việt Nam)');
      expect(await note.count()).toBe(zone === 'UTC' ? 1 : 0);
      await shot(page, `time-zone-${zone === 'UTC' ? 'utc' : 'vietnam'}-meeting-landscape`);
      // …the week calendar, on its Vietnamese day…
      await page.goto('/meetings?view=calendar');
      await page.getByRole('button', { name: 'Sau', exact: true }).click();
      await page.getByTestId('calendar-week').getByText(demo.title).waitFor();
      expect(await page.getByTestId('calendar-week').textContent()).toContain('08:00 – 11:30');
      // …and the editor's time fields.
      await page.goto(`/meetings/${demo.id}/edit`);
      const form = page.getByTestId('meeting-details-form');
      expect(await form.locator('input[name=startTime]').inputValue()).toBe('08:00');
      expect(await form.locator('input[name=endTime]').inputValue()).toBe('11:30');
      expectClean(tablet);
    },
  );

  it('stores a time entered on a UTC laptop as that hour in Vietnam', async () => {
    const tablet = await env.openTablet(TABLET_LANDSCAPE, { timezoneId: 'UTC' });
    const { page } = tablet;
    await signIn(page, 'thuky');
    await page.getByTestId('meeting-new').click();
    const form = page.getByTestId('meeting-details-form');
    await form.locator('input[name=title]').fill('Giao ban tuần – nhập từ máy đặt giờ UTC');
    const day = vietnamDay(env, 3);
    await pickDate(page, form.getByTestId('meeting-date'), day);
    await typeTime(form.getByTestId('meeting-start-time'), '07:30');
    await typeTime(form.getByTestId('meeting-end-time'), '09:00');
    await form.locator('input[name=location]').fill('Phòng họp số 2');
    await form.getByTestId('ward-time-note').waitFor();
    await shot(page, 'time-zone-utc-new-meeting-landscape');
    await form.getByTestId('meeting-details-submit').click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]+\/edit/);
    const id = /\/meetings\/([0-9a-f-]+)\/edit/.exec(page.url())?.[1];
    const [row] = await env.app.dataSource.query<{ startsAt: Date; endsAt: Date }[]>(
      `SELECT starts_at AS "startsAt", ends_at AS "endsAt" FROM meetings WHERE id = $1`,
      [id],
    );
    expect(row.startsAt.toISOString()).toBe(new Date(`${day}T07:30:00+07:00`).toISOString());
    expect(row.endsAt.toISOString()).toBe(new Date(`${day}T09:00:00+07:00`).toISOString());
    expectClean(tablet);
  });

  it('writes dates dd/mm/yyyy and 24-hour times in English too, with pickers a finger can use', async () => {
    const tablet = await env.openTablet(TABLET_PORTRAIT, { timezoneId: 'UTC' });
    const { page } = tablet;
    await page.goto('/sign-in');
    await page.evaluate(() => localStorage.setItem('phonghop.language', 'en'));
    await signIn(page, 'thuky');
    await page.goto(`/meetings/${demo.id}`);
    const day = demo.startsAt.toLocaleDateString('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }); // dd/mm/yyyy
    await page
      .getByTestId('meeting-time')
      .filter({ hasText: new RegExp(`^08:00 – 11:30, [A-Z][a-z]+day ${day}$`) })
      .waitFor();
    await page.getByText('(Vietnam time)').waitFor();
    await shot(page, 'time-zone-utc-meeting-english-portrait');

    await page.goto(`/meetings/${demo.id}/edit`);
    const form = page.getByTestId('meeting-details-form');
    expect(await form.getByTestId('meeting-date').textContent()).toBe(day);
    await form.getByTestId('meeting-date').click();
    // The month calendar opens on the meeting's month, the meeting's day selected.
    await page
      .locator('button[data-selected]')
      .filter({ hasText: String(Number(day.slice(0, 2))) })
      .waitFor();
    await shot(page, 'date-picker-english-portrait');
    await page.keyboard.press('Escape');
    await form.getByTestId('meeting-start-time').getByRole('spinbutton', { name: 'Hours' }).click();
    await page.locator('.mantine-TimePicker-dropdown').waitFor();
    await shot(page, 'time-picker-english-portrait');
    expectClean(tablet);
  });
});
