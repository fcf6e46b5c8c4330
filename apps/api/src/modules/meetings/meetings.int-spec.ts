import type {
  AgendaItem,
  Meeting,
  MeetingDetail,
  MeetingEventsResponse,
  MeetingListResponse,
  NotificationListResponse,
  Participant,
} from '@phonghop/common';
import { MeetingEventSchema } from '@phonghop/common';
import { startTestApp, TestApp } from '../../../test/test-app';
import { TestClock } from '../../../test/test-clock';
import {
  addItem,
  addParticipant,
  call,
  connect,
  createMeeting,
  errorCode,
  eventually,
  expectStatus,
  Person,
  person,
  transition,
} from '../../../test/meetings-kit';

/** The instant the app's clock starts at: before the kit's meetings (15 December 2026). */
const CLOCK_AT = '2026-12-01T09:00:00+07:00';

describe('meetings over REST', () => {
  const clock = new TestClock(CLOCK_AT);
  let t: TestApp;
  let admin: Person;
  let secretary: Person;
  let chair: Person;
  let delegate: Person;
  let guest: Person;
  let outsider: Person;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    [admin, secretary, chair, delegate, guest, outsider] = await Promise.all([
      person(t, 'quantri', 'admin'),
      person(t, 'thuky1'),
      person(t, 'chutri1'),
      person(t, 'daibieu1'),
      person(t, 'khach1'),
      person(t, 'nguoingoai'),
    ]);
  }, 60_000);
  afterAll(() => t.close());

  /** A scheduled-ready meeting with chair, delegate and guest. */
  async function prepared(): Promise<Meeting> {
    const m = await createMeeting(t, secretary);
    await addParticipant(t, secretary, m.id, chair, 'chair');
    await addParticipant(t, secretary, m.id, delegate, 'delegate');
    await addParticipant(t, secretary, m.id, guest, 'guest');
    return m;
  }

  it('creates a draft meeting whose creator is its secretary, with event 1 meeting.created', async () => {
    const m = await createMeeting(t, secretary, { title: '  Họp giao ban  ', online: true });
    expect(m).toMatchObject({
      title: 'Họp giao ban',
      status: 'draft',
      lastSeq: 1,
      createdById: secretary.id,
    });
    expect(m.startsAt).toBe('2026-12-15T01:00:00.000Z');
    const detail = expectStatus(await call<MeetingDetail>(t, secretary, 'GET', `/meetings/${m.id}`), 200);
    expect(detail.myRole).toBe('secretary');
    expect(detail.seq).toBe(1);
    expect(detail.participants).toEqual([
      expect.objectContaining({ userId: secretary.id, role: 'secretary', invitation: 'accepted' }),
    ]);
    const log = expectStatus(
      await call<MeetingEventsResponse>(t, secretary, 'GET', `/meetings/${m.id}/events`),
      200,
    );
    expect(log.seq).toBe(1);
    expect(log.events.map((e) => MeetingEventSchema.parse(e).type)).toEqual(['meeting.created']);
  });

  it('validates bodies against the shared schemas (strict: unknown fields refused)', async () => {
    const base = {
      title: 'x',
      kind: 'other',
      startsAt: '2026-12-15T08:00:00+07:00',
      endsAt: '2026-12-15T07:00:00+07:00',
      online: true,
    };
    expect(errorCode(await call(t, secretary, 'POST', '/meetings', base))).toBe('VALIDATION_FAILED');
    expect(
      errorCode(
        await call(t, secretary, 'POST', '/meetings', { ...base, endsAt: '2026-12-15T09:00:00+07:00', x: 1 }),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(
      errorCode(
        await call(t, secretary, 'POST', '/meetings', {
          ...base,
          endsAt: '2026-12-15T09:00:00+07:00',
          online: false,
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    const m = await createMeeting(t, secretary);
    const res = await call(t, secretary, 'PATCH', `/meetings/${m.id}`, {
      endsAt: '2026-12-15T07:00:00+07:00',
    });
    expect(errorCode(res)).toBe('VALIDATION_FAILED');
    expect(expectStatus(await call<MeetingDetail>(t, secretary, 'GET', `/meetings/${m.id}`), 200).seq).toBe(
      1,
    );
  });

  it('walks the whole lifecycle with the right people and refuses the wrong ones', async () => {
    const m = await prepared();
    // Nobody checked in: going live needs the chair's confirmation that there is no quorum.
    const go = (who: Person, to: string) =>
      call<Meeting>(t, who, 'POST', `/meetings/${m.id}/transitions`, {
        to,
        ...(to === 'live' ? { confirmNoQuorum: true } : {}),
      });

    expect(errorCode(await go(chair, 'scheduled'))).toBe('MEETING_ROLE_REQUIRED');
    expect(errorCode(await go(secretary, 'live'))).toBe('INVALID_TRANSITION');
    expect(expectStatus(await go(secretary, 'scheduled'), 200).status).toBe('scheduled');
    expect(errorCode(await go(secretary, 'live'))).toBe('MEETING_ROLE_REQUIRED');
    expect(errorCode(await go(delegate, 'live'))).toBe('MEETING_ROLE_REQUIRED');
    expect(expectStatus(await go(chair, 'live'), 200).status).toBe('live');
    expect(errorCode(await call(t, secretary, 'PATCH', `/meetings/${m.id}`, { title: 'Khác' }))).toBe(
      'MEETING_NOT_EDITABLE',
    );
    expect(errorCode(await go(secretary, 'ended'))).toBe('MEETING_ROLE_REQUIRED');
    expect(expectStatus(await go(chair, 'ended'), 200).status).toBe('ended');
    expect(errorCode(await go(chair, 'live'))).toBe('INVALID_TRANSITION');
    expect(errorCode(await go(delegate, 'closed'))).toBe('MEETING_ROLE_REQUIRED');
    expect(expectStatus(await go(secretary, 'closed'), 200).status).toBe('closed');
    expect(errorCode(await go(chair, 'archived'))).toBe('MEETING_ROLE_REQUIRED');
    expect(expectStatus(await go(admin, 'archived'), 200).status).toBe('archived');

    const log = expectStatus(
      await call<MeetingEventsResponse>(t, admin, 'GET', `/meetings/${m.id}/events`),
      200,
    );
    expect(
      log.events.filter((e) => e.type === 'meeting.statusChanged').map((e) => e.payload as { to: string }),
    ).toEqual(
      ['scheduled', 'live', 'ended', 'closed', 'archived'].map((to) => expect.objectContaining({ to })),
    );
    // Refused commands left no event: 1 created + 3 added + 5 transitions.
    expect(log.seq).toBe(9);
  });

  it('lets the secretary unschedule, and tells the participants', async () => {
    const m = await prepared();
    await transition(t, secretary, m.id, 'scheduled');
    await transition(t, secretary, m.id, 'draft');
    const list = expectStatus(
      await call<NotificationListResponse>(t, delegate, 'GET', '/notifications'),
      200,
    );
    const mine = list.items.filter((n) => n.meetingId === m.id).map((n) => n.kind);
    expect(mine).toEqual(['meeting_unscheduled', 'meeting_invitation']);
  });

  it('sends invitations when scheduling: notifications, socket event, answers with reasons', async () => {
    const m = await prepared();
    const socket = await connect(t.url, delegate);
    const received: string[] = [];
    socket.on('notification.created', (n) => received.push(`${n.kind}:${n.meetingId}`));
    try {
      await transition(t, secretary, m.id, 'scheduled');
      await eventually(() => expect(received).toContain(`meeting_invitation:${m.id}`));
    } finally {
      socket.close();
    }
    const list = expectStatus(
      await call<NotificationListResponse>(t, delegate, 'GET', '/notifications?unread=true'),
      200,
    );
    const invitation = list.items.find((n) => n.meetingId === m.id)!;
    expect(invitation).toMatchObject({ kind: 'meeting_invitation', readAt: null });
    expect(invitation.payload.meetingTitle).toBe(m.title);
    // The secretary scheduled it; they get no invitation to their own meeting.
    const own = expectStatus(
      await call<NotificationListResponse>(t, secretary, 'GET', '/notifications'),
      200,
    );
    expect(own.items.some((n) => n.meetingId === m.id && n.kind === 'meeting_invitation')).toBe(false);

    const read = await call(t, delegate, 'POST', `/notifications/${invitation.id}/read`);
    expect(expectStatus(read, 200)).toMatchObject({ id: invitation.id, readAt: expect.any(String) });
    expect(errorCode(await call(t, guest, 'POST', `/notifications/${invitation.id}/read`))).toBe('NOT_FOUND');

    const declined = await call<Participant>(t, guest, 'POST', `/meetings/${m.id}/invitation`, {
      response: 'declined',
      reason: 'Đi công tác tại tỉnh',
    });
    expect(expectStatus(declined, 200)).toMatchObject({
      invitation: 'declined',
      declineReason: 'Đi công tác tại tỉnh',
    });
    expect(
      errorCode(await call(t, delegate, 'POST', `/meetings/${m.id}/invitation`, { response: 'declined' })),
    ).toBe('VALIDATION_FAILED');
    const accepted = await call<Participant>(t, delegate, 'POST', `/meetings/${m.id}/invitation`, {
      response: 'accepted',
    });
    expect(expectStatus(accepted, 200)).toMatchObject({ invitation: 'accepted', declineReason: null });
    expect(
      errorCode(await call(t, admin, 'POST', `/meetings/${m.id}/invitation`, { response: 'accepted' })),
    ).toBe('NOT_A_PARTICIPANT');
  });

  it('manages participants: directory, roles, duplicates, the last secretary', async () => {
    const m = await createMeeting(t, secretary);
    const candidates = expectStatus(
      await call<{ items: { username: string }[] }>(
        t,
        delegate,
        'GET',
        '/meetings/participant-candidates?q=chutri',
      ),
      200,
    );
    expect(candidates.items.map((u) => u.username)).toEqual(['chutri1']);

    await addParticipant(t, secretary, m.id, delegate, 'delegate');
    const again = await call(t, secretary, 'POST', `/meetings/${m.id}/participants`, {
      userId: delegate.id,
      role: 'guest',
    });
    expect(errorCode(again)).toBe('PARTICIPANT_EXISTS');
    const unknown = await call(t, secretary, 'POST', `/meetings/${m.id}/participants`, {
      userId: '00000000-0000-4000-8000-000000000000',
      role: 'guest',
    });
    expect(errorCode(unknown)).toBe('USER_NOT_FOUND');
    expect(
      errorCode(
        await call(t, delegate, 'POST', `/meetings/${m.id}/participants`, {
          userId: guest.id,
          role: 'guest',
        }),
      ),
    ).toBe('MEETING_ROLE_REQUIRED');

    const changed = await call<Participant>(
      t,
      secretary,
      'PATCH',
      `/meetings/${m.id}/participants/${delegate.id}`,
      {
        role: 'chair',
      },
    );
    expect(expectStatus(changed, 200).role).toBe('chair');
    expect(
      errorCode(
        await call(t, secretary, 'PATCH', `/meetings/${m.id}/participants/${secretary.id}`, {
          role: 'delegate',
        }),
      ),
    ).toBe('LAST_SECRETARY');
    expect(
      errorCode(await call(t, secretary, 'DELETE', `/meetings/${m.id}/participants/${secretary.id}`)),
    ).toBe('LAST_SECRETARY');
    expect((await call(t, secretary, 'DELETE', `/meetings/${m.id}/participants/${delegate.id}`)).status).toBe(
      204,
    );
    expect(errorCode(await call(t, delegate, 'GET', `/meetings/${m.id}`))).toBe('MEETING_NOT_FOUND');

    const types = expectStatus(
      await call<MeetingEventsResponse>(t, secretary, 'GET', `/meetings/${m.id}/events?sinceSeq=1`),
      200,
    ).events.map((e) => e.type);
    expect(types).toEqual(['participant.added', 'participant.roleChanged', 'participant.removed']);
  });

  it('builds the agenda before the meeting and runs it live', async () => {
    const m = await prepared();
    const a = await addItem(t, secretary, m.id, 'Khai mạc');
    const c = await addItem(t, secretary, m.id, 'Kết luận');
    const b = expectStatus(
      await call<AgendaItem>(t, secretary, 'POST', `/meetings/${m.id}/agenda`, {
        title: 'Báo cáo tình hình',
        position: 2,
        presenterId: chair.id,
        plannedMinutes: 45,
      }),
      201,
    );
    expect(b).toMatchObject({ position: 2, presenterId: chair.id, plannedMinutes: 45, status: 'pending' });
    expect(
      errorCode(
        await call(t, secretary, 'POST', `/meetings/${m.id}/agenda`, {
          title: 'x',
          presenterId: outsider.id,
        }),
      ),
    ).toBe('PARTICIPANT_NOT_FOUND');
    expect(errorCode(await call(t, chair, 'POST', `/meetings/${m.id}/agenda`, { title: 'x' }))).toBe(
      'MEETING_ROLE_REQUIRED',
    );

    const order = (items: AgendaItem[]) => items.map((i) => `${i.position}:${i.title}`);
    const list = async () =>
      expectStatus(await call<{ items: AgendaItem[] }>(t, delegate, 'GET', `/meetings/${m.id}/agenda`), 200)
        .items;
    expect(order(await list())).toEqual(['1:Khai mạc', '2:Báo cáo tình hình', '3:Kết luận']);

    const reordered = await call<{ items: AgendaItem[] }>(
      t,
      secretary,
      'PUT',
      `/meetings/${m.id}/agenda/order`,
      {
        itemIds: [b.id, a.id, c.id],
      },
    );
    expect(order(expectStatus(reordered, 200).items)).toEqual([
      '1:Báo cáo tình hình',
      '2:Khai mạc',
      '3:Kết luận',
    ]);
    expect(
      errorCode(await call(t, secretary, 'PUT', `/meetings/${m.id}/agenda/order`, { itemIds: [a.id, b.id] })),
    ).toBe('AGENDA_ORDER_MISMATCH');

    const edited = await call<AgendaItem>(t, secretary, 'PATCH', `/meetings/${m.id}/agenda/${c.id}`, {
      title: 'Kết luận hội nghị',
      plannedMinutes: 10,
    });
    expect(expectStatus(edited, 200)).toMatchObject({ title: 'Kết luận hội nghị', plannedMinutes: 10 });
    expect(errorCode(await call(t, chair, 'PUT', `/meetings/${m.id}/agenda/current`, { itemId: a.id }))).toBe(
      'MEETING_NOT_LIVE',
    );

    await transition(t, secretary, m.id, 'scheduled');
    await transition(t, chair, m.id, 'live');
    // During the meeting the agenda is the chair's.
    expect(errorCode(await call(t, secretary, 'POST', `/meetings/${m.id}/agenda`, { title: 'x' }))).toBe(
      'MEETING_ROLE_REQUIRED',
    );
    const extra = expectStatus(
      await call<AgendaItem>(t, chair, 'POST', `/meetings/${m.id}/agenda`, { title: 'Phát sinh' }),
      201,
    );
    const setCurrent = (itemId: string | null) =>
      call<{ items: AgendaItem[] }>(t, chair, 'PUT', `/meetings/${m.id}/agenda/current`, { itemId });
    expect(
      errorCode(await call(t, delegate, 'PUT', `/meetings/${m.id}/agenda/current`, { itemId: b.id })),
    ).toBe('MEETING_ROLE_REQUIRED');
    let items = expectStatus(await setCurrent(b.id), 200).items;
    expect(items.find((i) => i.id === b.id)).toMatchObject({ status: 'active', endedAt: null });
    items = expectStatus(await setCurrent(a.id), 200).items;
    const first = items.find((i) => i.id === b.id)!;
    expect(first.status).toBe('done');
    expect(Date.parse(first.endedAt!)).toBeGreaterThanOrEqual(Date.parse(first.startedAt!));
    expect(items.filter((i) => i.status === 'active').map((i) => i.id)).toEqual([a.id]);

    expect(errorCode(await call(t, chair, 'DELETE', `/meetings/${m.id}/agenda/${b.id}`))).toBe(
      'AGENDA_ITEM_STARTED',
    );
    expect(
      errorCode(await call(t, chair, 'PATCH', `/meetings/${m.id}/agenda/${a.id}`, { status: 'skipped' })),
    ).toBe('AGENDA_ITEM_STARTED');
    expect(
      expectStatus(
        await call<AgendaItem>(t, chair, 'PATCH', `/meetings/${m.id}/agenda/${c.id}`, { status: 'skipped' }),
        200,
      ).status,
    ).toBe('skipped');
    expect((await call(t, chair, 'DELETE', `/meetings/${m.id}/agenda/${extra.id}`)).status).toBe(204);

    await transition(t, chair, m.id, 'ended');
    items = await list();
    expect(items.map((i) => [i.title, i.status])).toEqual([
      ['Báo cáo tình hình', 'done'],
      ['Khai mạc', 'done'],
      ['Kết luận hội nghị', 'skipped'],
    ]);
    expect(errorCode(await call(t, admin, 'POST', `/meetings/${m.id}/agenda`, { title: 'x' }))).toBe(
      'MEETING_NOT_EDITABLE',
    );
  });

  it('lists my meetings by scope and range; admins see all', async () => {
    // The app's clock reads CLOCK_AT (plus the seconds the test has run), not the machine's date.
    const now = clock.now();
    const iso = (d: Date) => d.toISOString();
    const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);
    const lister = await person(t, 'lichhop');
    const soon = await createMeeting(t, lister, {
      title: 'Sắp tới',
      startsAt: iso(hours(48)),
      endsAt: iso(hours(50)),
    });
    const held = await createMeeting(t, lister, {
      title: 'Đã họp',
      startsAt: iso(hours(-50)),
      endsAt: iso(hours(-48)),
    });
    const overdue = await createMeeting(t, lister, {
      title: 'Quá giờ',
      startsAt: iso(hours(-26)),
      endsAt: iso(hours(-25)),
    });
    const running = await createMeeting(t, lister, {
      title: 'Đang họp',
      startsAt: iso(hours(-0.01)),
      endsAt: iso(hours(0.02)),
    });
    // Held: scheduled, started and ended by an admin. Overdue: scheduled, never started.
    for (const to of ['scheduled', 'live', 'ended']) await transition(t, admin, held.id, to);
    await transition(t, admin, overdue.id, 'scheduled');
    const titles = async (q: string, who = lister) =>
      expectStatus(await call<MeetingListResponse>(t, who, 'GET', `/meetings${q}`), 200).items.map(
        (m) => m.title,
      );

    // Not held, its time long gone: still upcoming (and today), never past.
    expect(await titles('?scope=upcoming')).toEqual(['Quá giờ', 'Đang họp', 'Sắp tới']);
    expect(await titles('?scope=past')).toEqual(['Đã họp']);
    expect(await titles('?scope=today')).toEqual(['Quá giờ', 'Đang họp']);
    expect(
      await titles(`?from=${encodeURIComponent(iso(hours(24)))}&to=${encodeURIComponent(iso(hours(72)))}`),
    ).toEqual(['Sắp tới']);
    expect(errorCode(await call(t, lister, 'GET', '/meetings?scope=nonsense'))).toBe('VALIDATION_FAILED');
    const all = expectStatus(await call<MeetingListResponse>(t, lister, 'GET', '/meetings'), 200).items;
    expect(all.find((m) => m.id === soon.id)).toMatchObject({ myRole: 'secretary', participantCount: 1 });
    expect(await titles('', outsider)).toEqual([]);
    const adminList = expectStatus(await call<MeetingListResponse>(t, admin, 'GET', '/meetings'), 200).items;
    expect(adminList.find((m) => m.id === held.id)).toMatchObject({ myRole: null });
    expect(adminList.some((m) => m.id === running.id)).toBe(true);
  }, 30_000);

  it('publishes a secret iCalendar feed of my (non-draft) meetings', async () => {
    const m = await prepared();
    await transition(t, secretary, m.id, 'scheduled');
    const draft = await createMeeting(t, secretary, { title: 'Bản nháp' });
    void draft;
    const { url } = expectStatus(await call<{ url: string }>(t, delegate, 'GET', '/calendar/feed-url'), 200);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(expectStatus(await call<{ url: string }>(t, delegate, 'GET', '/calendar/feed-url'), 200).url).toBe(
      url,
    );

    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const ics = await res.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(`UID:${m.id}@phonghop`);
    expect(ics).toContain('SUMMARY:Hội nghị Ban Chấp hành');
    expect(ics).not.toContain('Bản nháp');

    const rotated = expectStatus(
      await call<{ url: string }>(t, delegate, 'POST', '/calendar/feed-url/rotate'),
      200,
    );
    expect(rotated.url).not.toBe(url);
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(rotated.url)).status).toBe(200);
    expect((await fetch(`${t.url}/api/v1/calendar/guess.ics`)).status).toBe(404);
  });
});
