import { insertUser } from '../apps/api/test/identity-helpers';
import { expectNoHorizontalOverflow } from './support/axe';
import { PHONE, shot, startE2eEnv, type E2eEnv, type Tablet } from './support/e2e-env';
import { demoRest } from './support/demo-rest';
import { signIn } from './support/sign-in';

jest.setTimeout(240_000);

const TABLET = { width: 1280, height: 800 };
/** More than the room lists at a glance (MeetingRoomPage's PRESENCE_LIST_LIMIT, 60). */
const HALL = 70;

/**
 * Issue 11 in a real Chromium: a meeting too big to list who is connected on every tablet. The join
 * carries the room without participants or names (the roster follows over REST), and presence as a
 * count: a delegate sees "n/73 đã kết nối" and opens the list on request; the secretary's attendance
 * panel watches who is connected from the start.
 */
describe('a big meeting room (web, e2e)', () => {
  let env: E2eEnv;
  let delegate: Tablet;
  let secretary: Tablet;
  let meetingId = '';
  const { rest, userId } = demoRest(() => env);

  beforeAll(async () => {
    env = await startE2eEnv();
    const start = new Date(Date.now() - 10 * 60_000);
    const meeting = await rest<{ id: string }>('thuky', 'POST', '/meetings', {
      title: 'Hội nghị đại biểu toàn phường',
      kind: 'people_committee',
      organizerUnit: 'UBND phường Vĩnh Phúc',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3 * 3_600_000).toISOString(),
      location: 'Hội trường',
      online: false,
    });
    meetingId = meeting.id;
    await rest('thuky', 'POST', `/meetings/${meetingId}/participants`, {
      userId: await userId('chutri'),
      role: 'chair',
    });
    await rest('thuky', 'POST', `/meetings/${meetingId}/participants`, {
      userId: await userId('daibieu01'),
      role: 'delegate',
    });
    for (let i = 1; i <= HALL; i++) {
      const user = await insertUser(env.app.dataSource, {
        username: `hoitruong${String(i).padStart(3, '0')}`,
        fullName: `Đại biểu hội trường ${i}`,
      });
      await rest('thuky', 'POST', `/meetings/${meetingId}/participants`, {
        userId: user.id,
        role: 'delegate',
      });
    }
    await rest('thuky', 'POST', `/meetings/${meetingId}/transitions`, { to: 'scheduled' });
    [delegate, secretary] = await Promise.all([env.openTablet(), env.openTablet()]);
    await delegate.page.setViewportSize(TABLET);
    await secretary.page.setViewportSize(TABLET);
    await signIn(delegate.page, 'daibieu01');
    await signIn(secretary.page, 'thuky');
  });

  afterAll(async () => {
    await env?.close();
  });

  it('shows a delegate how many are connected, and who only on request', async () => {
    const { page } = delegate;
    await page.goto(`${env.baseUrl}/meetings/${meetingId}/room`);
    // The room is whole although the join carried no participants: the roster came after it.
    const total = HALL + 3; // the hall, the chair, daibieu01 and the secretary who created it
    await page
      .getByTestId('room-online-count')
      .filter({ hasText: `1/${total}` })
      .waitFor();
    await page
      .getByTestId('room-presence-count')
      .filter({ hasText: `1/${total}` })
      .waitFor();
    expect(await page.getByTestId('room-presence').count()).toBe(0);
    await shot(page, 'big-room-count-1280x800');

    // The secretary comes in: the count follows without a reload.
    await secretary.page.goto(`${env.baseUrl}/meetings/${meetingId}/room`);
    await page
      .getByTestId('room-online-count')
      .filter({ hasText: `2/${total}` })
      .waitFor();

    // Asked for, the list shows who is connected, and stays live.
    await page.getByTestId('room-presence-toggle').click();
    await page.locator('[data-testid=presence-thuky][data-online=true]').waitFor();
    await page.locator('[data-testid=presence-daibieu01][data-online=true]').waitFor();
    expect(await page.locator('[data-testid^=presence-hoitruong][data-online=false]').count()).toBe(HALL);
    await shot(page, 'big-room-list-1280x800');
    await page.getByTestId('room-presence-toggle').click();
    await page.getByTestId('room-presence').waitFor({ state: 'detached' });

    await page.setViewportSize(PHONE);
    await page.getByTestId('room-presence-count').scrollIntoViewIfNeeded();
    await shot(page, 'big-room-count-390x844');
    await expectNoHorizontalOverflow(page, 'big room on a phone');
    expect(delegate.errors).toEqual([]);
    expect(delegate.externalRequests).toEqual([]);
  });

  it('shows the secretary who is connected in the attendance panel from the start', async () => {
    const { page } = secretary;
    await page.locator('[data-testid=attendance-daibieu01][data-connected=true]').waitFor();
    await page.locator('[data-testid=attendance-thuky][data-connected=true]').waitFor();
    // Someone leaves: the panel follows (the secretary's tablet watches presence).
    await delegate.page.goto(`${env.baseUrl}/meetings/${meetingId}`);
    await page.locator('[data-testid=attendance-daibieu01][data-connected=false]').waitFor();
    await page.getByTestId('attendance-list').scrollIntoViewIfNeeded();
    await shot(page, 'big-room-attendance-1280x800');
    expect(secretary.errors).toEqual([]);
  });
});
