import type { MeetingDetail, MeetingListResponse, NotificationListResponse } from '@phonghop/common';
import { startTestApp, TestApp } from '../../../test/test-app';
import { call, expectStatus, Person } from '../../../test/meetings-kit';
import { signIn } from '../../../test/identity-helpers';
import { verifyMeetingChain } from '../../modules/meeting-events/chain-verify';
import { seedDemoMeeting } from './demo-meeting';
import { seedDemo } from './demo-seed';

const PASSWORD = 'demo-password-2025';

describe('the demo meeting', () => {
  let t: TestApp;
  const signedIn = async (username: string): Promise<Person> => {
    const s = await signIn(t.url, username, PASSWORD);
    return { id: s.user.id, username, token: s.accessToken };
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { LOG_LEVEL: 'error' } });
    await seedDemo(t.dataSource, PASSWORD);
    // seedDemo calls seedDemoMeeting itself once wired; a second call must change nothing.
    await seedDemoMeeting(t.dataSource);
  });
  afterAll(() => t.close());

  it('is seeded once, scheduled, with the ward people and five agenda items, through the event log', async () => {
    expect(await seedDemoMeeting(t.dataSource)).toBe(false);
    const chair = await signedIn('chutri');
    const list = expectStatus(
      await call<MeetingListResponse>(t, chair, 'GET', '/meetings?scope=upcoming'),
      200,
    );
    const demo = list.items.filter((m) =>
      m.title.startsWith('Hội nghị Ban Chấp hành Đảng bộ phường Vĩnh Phúc tháng'),
    );
    expect(demo).toHaveLength(1);
    expect(demo[0]).toMatchObject({
      status: 'scheduled',
      kind: 'party_committee',
      myRole: 'chair',
      agendaItemCount: 5,
    });

    const detail = expectStatus(await call<MeetingDetail>(t, chair, 'GET', `/meetings/${demo[0].id}`), 200);
    const roles = Object.fromEntries(detail.participants.map((p) => [p.user.username, p.role]));
    expect(roles).toMatchObject({
      thuky: 'secretary',
      chutri: 'chair',
      daibieu01: 'delegate',
      daibieu12: 'delegate',
      khach: 'guest',
    });
    expect(detail.participants).toHaveLength(15);
    expect(detail.agenda.map((i) => i.position)).toEqual([1, 2, 3, 4, 5]);
    expect(detail.agenda[0].title).toBe('Khai mạc hội nghị; thông qua chương trình làm việc');
    expect(detail.agenda.every((i) => i.presenterId !== null)).toBe(true);
    // 1 created + 14 participants + 5 items + 1 scheduled.
    expect(detail.seq).toBe(21);
    const verdict = await verifyMeetingChain(
      async <T>(sql: string, params: unknown[]) => (await t.dataSource.query(sql, params)) as T[],
      demo[0].id,
    );
    expect(verdict).toMatchObject({ ok: true, count: 21 });

    const guest = await signedIn('khach');
    const inbox = expectStatus(await call<NotificationListResponse>(t, guest, 'GET', '/notifications'), 200);
    expect(inbox.items.map((n) => [n.kind, n.meetingId])).toEqual([['meeting_invitation', demo[0].id]]);
  });
});
