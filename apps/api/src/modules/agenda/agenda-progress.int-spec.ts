import type { AgendaItem, MeetingCommandResult, MeetingEventsResponse } from '@phonghop/common';
import { startTestApp, TestApp } from '../../../test/test-app';
import {
  addItem,
  addParticipant,
  call,
  connect,
  createMeeting,
  emit,
  expectStatus,
  key,
  ok,
  Person,
  person,
  TestSocket,
  transition,
} from '../../../test/meetings-kit';

// The project's testTimeout is not applied when jest runs one project; a loaded machine needs more than 5 s.
jest.setTimeout(60_000);

/**
 * "Quay lại" and the end of a meeting, over the chair's socket on a real PostgreSQL: going back
 * leaves the item unfinished (pending, start kept), only items moved past are done, and the end
 * event records what was never finished.
 */
describe('agenda progress in a live meeting', () => {
  let t: TestApp;
  let secretary: Person;
  let chair: Person;

  beforeAll(async () => {
    t = await startTestApp();
    [secretary, chair] = await Promise.all([person(t, 'thuky-progress'), person(t, 'chutri-progress')]);
  });
  afterAll(() => t.close());

  async function liveMeeting(titles: string[]): Promise<{ meetingId: string; items: AgendaItem[] }> {
    const m = await createMeeting(t, secretary, { title: 'Họp kiểm tra tiến độ chương trình' });
    await addParticipant(t, secretary, m.id, chair, 'chair');
    const items: AgendaItem[] = [];
    for (const title of titles) items.push(await addItem(t, secretary, m.id, title));
    await transition(t, secretary, m.id, 'scheduled');
    await transition(t, chair, m.id, 'live');
    return { meetingId: m.id, items };
  }

  const agendaOf = async (meetingId: string) =>
    expectStatus(await call<{ items: AgendaItem[] }>(t, chair, 'GET', `/meetings/${meetingId}/agenda`), 200)
      .items;

  const statuses = (agenda: AgendaItem[]) =>
    Object.fromEntries(agenda.map((i) => [i.title, [i.status, i.startedAt !== null, i.endedAt !== null]]));

  it('going back returns the item to pending (started, not ended); only items moved past are done', async () => {
    const { meetingId, items } = await liveMeeting(['Khai mạc', 'Báo cáo', 'Thảo luận']);
    const [open, report] = items as [AgendaItem, AgendaItem, AgendaItem];
    const c: TestSocket = await connect(t.url, chair);
    try {
      const setCurrent = async (itemId: string | null) =>
        (
          ok(
            await emit(c, 'agenda.setCurrent', { meetingId, idempotencyKey: key(), itemId }),
          ) as MeetingCommandResult
        ).event;
      await setCurrent(open.id);
      await setCurrent(report.id);
      const back = await setCurrent(open.id);
      expect(back).toMatchObject({
        type: 'agenda.currentChanged',
        payload: { itemId: open.id, previousItemId: report.id },
      });
      const agenda = await agendaOf(meetingId);
      expect(statuses(agenda)).toEqual({
        'Khai mạc': ['active', true, false],
        'Báo cáo': ['pending', true, false],
        'Thảo luận': ['pending', false, false],
      });
      // The event alone brings a client to the same state (the web room applies it this way).
      const reportAfter = agenda.find((i) => i.id === report.id)!;
      if (back.type !== 'agenda.currentChanged') throw new Error('unexpected event');
      expect(back.payload.items.find((p) => p.id === report.id)).toEqual({
        id: report.id,
        status: 'pending',
        startedAt: reportAfter.startedAt,
        endedAt: null,
      });
      // Begun is part of the record: a paused item cannot be removed.
      expect(await emit(c, 'agenda.remove', { meetingId, idempotencyKey: key(), itemId: report.id })).toEqual(
        { ok: false, error: expect.objectContaining({ code: 'AGENDA_ITEM_STARTED' }) },
      );
      // Forward again: the first item is really moved past now.
      await setCurrent(report.id);
      const after = await agendaOf(meetingId);
      expect(statuses(after)).toEqual({
        'Khai mạc': ['done', true, true],
        'Báo cáo': ['active', true, false],
        'Thảo luận': ['pending', false, false],
      });
      // Its first start is kept when taken up again.
      expect(after.find((i) => i.id === report.id)!.startedAt).toBe(reportAfter.startedAt);
    } finally {
      c.close();
    }
  });

  it('ending with items never finished records them, in order, on the end event', async () => {
    const { meetingId, items } = await liveMeeting(['Khai mạc', 'Báo cáo', 'Quốc phòng', 'Bế mạc']);
    const [open, report, defence, close] = items as [AgendaItem, AgendaItem, AgendaItem, AgendaItem];
    const c = await connect(t.url, chair);
    try {
      const send = async (event: 'agenda.setCurrent', itemId: string) =>
        ok(await emit(c, event, { meetingId, idempotencyKey: key(), itemId }));
      await send('agenda.setCurrent', report.id); // "Khai mạc" jumped over: never discussed
      await send('agenda.setCurrent', defence.id);
      await send('agenda.setCurrent', report.id); // back: "Quốc phòng" begun, left unfinished
      ok(
        await emit(c, 'agenda.update', {
          meetingId,
          idempotencyKey: key(),
          itemId: close.id,
          status: 'skipped',
        }),
      );
      const ended = (
        ok(await emit(c, 'meeting.end', { meetingId, idempotencyKey: key() })) as MeetingCommandResult
      ).event;
      if (ended.type !== 'meeting.statusChanged') throw new Error('unexpected event');
      expect(ended.payload.to).toBe('ended');
      // The current item is closed as done; the skipped one is not "undiscussed" (passed over on purpose).
      expect(ended.payload.agenda).toEqual([expect.objectContaining({ id: report.id, status: 'done' })]);
      expect(ended.payload.undiscussed).toEqual([
        { id: open.id, position: 1, title: 'Khai mạc', startedAt: null },
        { id: defence.id, position: 3, title: 'Quốc phòng', startedAt: expect.any(String) },
      ]);

      // The record as stored says the same, and the tables agree.
      const log = expectStatus(
        await call<MeetingEventsResponse>(t, chair, 'GET', `/meetings/${meetingId}/events`),
        200,
      );
      const stored = log.events.at(-1)!;
      expect(stored).toEqual(ended);
      const agenda = await agendaOf(meetingId);
      expect(statuses(agenda)).toEqual({
        'Khai mạc': ['pending', false, false],
        'Báo cáo': ['done', true, true],
        'Quốc phòng': ['pending', true, false],
        'Bế mạc': ['skipped', false, false],
      });
    } finally {
      c.close();
    }
  });

  it('ending with everything discussed records an empty list', async () => {
    const { meetingId, items } = await liveMeeting(['Khai mạc']);
    const c = await connect(t.url, chair);
    try {
      ok(await emit(c, 'agenda.setCurrent', { meetingId, idempotencyKey: key(), itemId: items[0]!.id }));
      const ended = (
        ok(await emit(c, 'meeting.end', { meetingId, idempotencyKey: key() })) as MeetingCommandResult
      ).event;
      expect(ended).toMatchObject({
        type: 'meeting.statusChanged',
        payload: { to: 'ended', undiscussed: [] },
      });
    } finally {
      c.close();
    }
  });
});
