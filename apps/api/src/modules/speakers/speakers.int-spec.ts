import type {
  MeetingCommandResult,
  MeetingEvent,
  MeetingJoinResult,
  MeetingSnapshot,
  Speaker,
} from '@phonghop/common';
import { MeetingEventStream, speakerQueue } from '@phonghop/common';
import { startTestApp, TestApp } from '../../../test/test-app';
import {
  joinRoom,
  addItem,
  addParticipant,
  connect,
  createMeeting,
  emit,
  eventually,
  key,
  ok,
  Person,
  person,
  TestSocket,
  transition,
} from '../../../test/meetings-kit';

const refusedWith = (code: string) => ({ ok: false, error: expect.objectContaining({ code }) });

/** The list of speakers over real sockets: ordering, permissions, the timer's data, reconnecting. */
describe('the list of speakers', () => {
  let t: TestApp;
  let secretary: Person;
  let chair: Person;
  let guest: Person;
  let delegates: Person[];
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    secretary = await person(t, 'thuky-sp');
    chair = await person(t, 'chutri-sp');
    guest = await person(t, 'khach-sp');
    delegates = [];
    for (let i = 1; i <= 3; i++) delegates.push(await person(t, `daibieu-sp-${i}`));
  });

  afterAll(() => t?.close());
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));

  async function socketOf(who: Person): Promise<TestSocket> {
    const s = await connect(t.url, who);
    sockets.push(s);
    return s;
  }

  /** A live meeting on its first item (started with the chair's confirmation: no attendance here). */
  async function liveMeeting(): Promise<{ meetingId: string; itemIds: string[] }> {
    const m = await createMeeting(t, secretary);
    await addParticipant(t, secretary, m.id, chair, 'chair');
    for (const d of delegates) await addParticipant(t, secretary, m.id, d, 'delegate');
    await addParticipant(t, secretary, m.id, guest, 'guest');
    const items = [
      await addItem(t, secretary, m.id, 'Báo cáo'),
      await addItem(t, secretary, m.id, 'Thảo luận'),
    ];
    await transition(t, secretary, m.id, 'scheduled');
    await transition(t, chair, m.id, 'live');
    const c = await socketOf(chair);
    ok(await emit(c, 'agenda.setCurrent', { meetingId: m.id, idempotencyKey: key(), itemId: items[0].id }));
    return { meetingId: m.id, itemIds: items.map((i) => i.id) };
  }

  const snapshot = async (meetingId: string) => joinRoom(t, await socketOf(chair), chair, meetingId);

  const speakerOf = (r: unknown) =>
    ((r as MeetingCommandResult).event.payload as { speaker: Speaker }).speaker;

  it('orders requests by arrival, puts a point of order first, and lets the chair reorder', async () => {
    const { meetingId, itemIds } = await liveMeeting();
    const [d1, d2, d3] = await Promise.all(delegates.map(socketOf));
    const g = await socketOf(guest);
    const c = await socketOf(chair);
    const s1 = speakerOf(
      ok(await emit(d1, 'speaker.request', { meetingId, idempotencyKey: key(), kind: 'opinion' })),
    );
    const sg = speakerOf(
      ok(await emit(g, 'speaker.request', { meetingId, idempotencyKey: key(), kind: 'question' })),
    );
    const s2 = speakerOf(
      ok(await emit(d2, 'speaker.request', { meetingId, idempotencyKey: key(), kind: 'support' })),
    );
    const s3 = speakerOf(
      ok(await emit(d3, 'speaker.request', { meetingId, idempotencyKey: key(), kind: 'point_of_order' })),
    );
    expect(s1).toMatchObject({ agendaItemId: itemIds[0], status: 'waiting', position: 1, addedById: null });
    // Asking twice on the same item is refused.
    expect(await emit(d1, 'speaker.request', { meetingId, idempotencyKey: key(), kind: 'oppose' })).toEqual(
      refusedWith('SPEAKER_ALREADY_LISTED'),
    );

    let snap = await snapshot(meetingId);
    expect(speakerQueue(snap.speakers.list, itemIds[0]).map((s) => s.id)).toEqual([
      s3.id,
      s1.id,
      sg.id,
      s2.id,
    ]);

    // The chair's order must name exactly the waiting requests.
    expect(
      await emit(c, 'speaker.reorder', {
        meetingId,
        idempotencyKey: key(),
        agendaItemId: itemIds[0],
        speakerIds: [s2.id],
      }),
    ).toEqual(refusedWith('SPEAKER_ORDER_MISMATCH'));
    ok(
      await emit(c, 'speaker.reorder', {
        meetingId,
        idempotencyKey: key(),
        agendaItemId: itemIds[0],
        speakerIds: [s3.id, s2.id, s1.id, sg.id],
      }),
    );
    ok(await emit(d1, 'speaker.withdraw', { meetingId, idempotencyKey: key(), speakerId: s1.id }));
    ok(await emit(c, 'speaker.remove', { meetingId, idempotencyKey: key(), speakerId: sg.id }));
    snap = await snapshot(meetingId);
    expect(speakerQueue(snap.speakers.list, itemIds[0]).map((s) => s.id)).toEqual([s3.id, s2.id]);
    expect(snap.speakers.list.find((s) => s.id === s1.id)?.status).toBe('withdrawn');
    expect(snap.speakers.list.find((s) => s.id === sg.id)?.status).toBe('removed');
  });

  it('lets only the chair give the floor, one speaker at a time, with the limit in the event', async () => {
    const { meetingId, itemIds } = await liveMeeting();
    const [d1, d2] = await Promise.all(delegates.slice(0, 2).map(socketOf));
    const c = await socketOf(chair);
    const sec = await socketOf(secretary);
    const g = await socketOf(guest);
    const s1 = speakerOf(
      ok(await emit(d1, 'speaker.request', { meetingId, idempotencyKey: key(), kind: 'opinion' })),
    );
    const s2 = speakerOf(
      ok(await emit(d2, 'speaker.request', { meetingId, idempotencyKey: key(), kind: 'oppose' })),
    );

    for (const s of [d1, d2, sec, g]) {
      expect(await emit(s, 'speaker.grant', { meetingId, idempotencyKey: key(), speakerId: s1.id })).toEqual(
        refusedWith('MEETING_ROLE_REQUIRED'),
      );
    }
    // Someone else's request is not one's own to withdraw.
    expect(
      await emit(d2, 'speaker.withdraw', { meetingId, idempotencyKey: key(), speakerId: s1.id }),
    ).toEqual(refusedWith('SPEAKER_NOT_FOUND'));
    // Limits: the meeting's default 120 s, this item 90 s.
    ok(await emit(c, 'speaker.configure', { meetingId, idempotencyKey: key(), defaultLimitSeconds: 120 }));
    ok(
      await emit(c, 'speaker.configure', {
        meetingId,
        idempotencyKey: key(),
        agendaItemId: itemIds[0],
        itemLimitSeconds: 90,
      }),
    );
    const granted = ok(
      await emit(c, 'speaker.grant', { meetingId, idempotencyKey: key(), speakerId: s1.id }),
    ) as MeetingCommandResult;
    expect(granted.event).toMatchObject({
      type: 'speaker.granted',
      payload: { speakerId: s1.id, limitSeconds: 90, startedAt: granted.event.at },
    });
    expect(await emit(c, 'speaker.grant', { meetingId, idempotencyKey: key(), speakerId: s2.id })).toEqual(
      refusedWith('SPEAKER_FLOOR_TAKEN'),
    );
    expect(await emit(d1, 'speaker.end', { meetingId, idempotencyKey: key(), speakerId: s1.id })).toEqual(
      refusedWith('MEETING_ROLE_REQUIRED'),
    );
    ok(await emit(c, 'speaker.end', { meetingId, idempotencyKey: key(), speakerId: s1.id }));
    // The speaker's own limit wins over the item's.
    const second = ok(
      await emit(c, 'speaker.grant', {
        meetingId,
        idempotencyKey: key(),
        speakerId: s2.id,
        limitSeconds: 45,
      }),
    ) as MeetingCommandResult;
    expect(second.event.payload).toMatchObject({ limitSeconds: 45 });

    // The chair closes the list: nobody more may ask, the chair may still add someone.
    ok(
      await emit(c, 'speaker.configure', {
        meetingId,
        idempotencyKey: key(),
        agendaItemId: itemIds[0],
        closed: true,
      }),
    );
    expect(await emit(g, 'speaker.request', { meetingId, idempotencyKey: key(), kind: 'question' })).toEqual(
      refusedWith('SPEAKER_LIST_CLOSED'),
    );
    const added = speakerOf(
      ok(
        await emit(c, 'speaker.add', {
          meetingId,
          idempotencyKey: key(),
          userId: guest.id,
          kind: 'question',
        }),
      ),
    );
    expect(added).toMatchObject({ userId: guest.id, addedById: chair.id, status: 'waiting' });
    expect(
      await emit(d1, 'speaker.add', {
        meetingId,
        idempotencyKey: key(),
        userId: delegates[2].id,
        kind: 'opinion',
      }),
    ).toEqual(refusedWith('MEETING_ROLE_REQUIRED'));
  });

  it('refuses to take requests with no current item or outside a live meeting', async () => {
    const m = await createMeeting(t, secretary);
    await addParticipant(t, secretary, m.id, delegates[0], 'delegate');
    // The chair is named while the meeting is a draft (afterwards only the chair or an admin may).
    await addParticipant(t, secretary, m.id, chair, 'chair');
    await transition(t, secretary, m.id, 'scheduled');
    const d = await socketOf(delegates[0]);
    expect(
      await emit(d, 'speaker.request', { meetingId: m.id, idempotencyKey: key(), kind: 'opinion' }),
    ).toEqual(refusedWith('MEETING_NOT_LIVE'));
    await transition(t, chair, m.id, 'live');
    expect(
      await emit(d, 'speaker.request', { meetingId: m.id, idempotencyKey: key(), kind: 'opinion' }),
    ).toEqual(refusedWith('NO_CURRENT_ITEM'));
  });

  it('a tablet that missed speaker events while away catches up exactly', async () => {
    const { meetingId, itemIds } = await liveMeeting();
    const tablet = await socketOf(delegates[2]);
    const stream = new MeetingEventStream(await joinRoom(t, tablet, delegates[2], meetingId));
    tablet.on('meeting.event', (e: MeetingEvent) => stream.receive(e));
    tablet.disconnect();

    const c = await socketOf(chair);
    const [d1, d2] = await Promise.all(delegates.slice(0, 2).map(socketOf));
    const s1 = speakerOf(
      ok(await emit(d1, 'speaker.request', { meetingId, idempotencyKey: key(), kind: 'opinion' })),
    );
    const s2 = speakerOf(
      ok(await emit(d2, 'speaker.request', { meetingId, idempotencyKey: key(), kind: 'question' })),
    );
    ok(
      await emit(c, 'speaker.configure', {
        meetingId,
        idempotencyKey: key(),
        agendaItemId: itemIds[0],
        itemLimitSeconds: 60,
      }),
    );
    ok(
      await emit(c, 'speaker.reorder', {
        meetingId,
        idempotencyKey: key(),
        agendaItemId: itemIds[0],
        speakerIds: [s2.id, s1.id],
      }),
    );
    ok(await emit(c, 'speaker.grant', { meetingId, idempotencyKey: key(), speakerId: s2.id }));

    const back = await socketOf(delegates[2]);
    const caughtUp = ok(
      await emit(back, 'meeting.join', { meetingId, sinceSeq: stream.seq }),
    ) as MeetingJoinResult;
    expect(caughtUp.kind).toBe('events');
    if (caughtUp.kind === 'events') stream.receive(caughtUp.events);
    const server = await snapshot(meetingId);
    const strip = ({ online: _o, onlineCount: _c, ...rest }: MeetingSnapshot) => rest;
    expect(strip(stream.snapshot)).toEqual(strip(server));
    expect(server.speakers.list.find((s) => s.status === 'speaking')).toMatchObject({
      id: s2.id,
      limitSeconds: 60,
    });
  });

  it('drops an item’s speaking settings with the item, on the server and in a following client alike', async () => {
    const { meetingId, itemIds } = await liveMeeting();
    const c = await socketOf(chair);
    const stream = new MeetingEventStream(await joinRoom(t, c, chair, meetingId));
    c.on('meeting.event', (e: MeetingEvent) => stream.receive(e));
    ok(
      await emit(c, 'speaker.configure', {
        meetingId,
        idempotencyKey: key(),
        agendaItemId: itemIds[1],
        itemLimitSeconds: 120,
      }),
    );
    ok(await emit(c, 'agenda.remove', { meetingId, idempotencyKey: key(), itemId: itemIds[1] }));
    const server = await snapshot(meetingId);
    expect(server.speakers.items).toEqual([]);
    await eventually(() => expect(stream.seq).toBe(server.seq));
    const strip = ({ online: _o, onlineCount: _c, ...rest }: MeetingSnapshot) => rest;
    expect(strip(stream.snapshot)).toEqual(strip(server));
  });
});
