import type { AgendaItem } from '../schemas/agenda';
import { DEFAULT_ATTENDANCE_SETTINGS } from '../schemas/attendance';
import { EMPTY_SPEAKERS_STATE } from '../schemas/speakers';
import { EMPTY_POLLS_STATE } from '../schemas/polls';
import { MeetingEventSchema, type MeetingEvent, type MeetingSnapshot } from '../schemas/meeting-events';
import type { Participant } from '../schemas/meetings';
import {
  applyMeetingEvent,
  MeetingEventBuffer,
  MeetingEventOrderError,
  MeetingEventStream,
} from './event-stream';

const MEETING = '00000000-0000-4000-8000-000000000001';
const CHAIR = '00000000-0000-4000-8000-0000000000c1';
const SECRETARY = '00000000-0000-4000-8000-0000000000c2';
const DELEGATE = '00000000-0000-4000-8000-0000000000c3';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const AT = '2026-12-01T01:00:00.000Z';

function participant(userId: string, role: Participant['role']): Participant {
  return {
    userId,
    user: { id: userId, username: role, fullName: role, title: '', unit: '' },
    role,
    invitation: 'pending',
    declineReason: null,
    respondedAt: null,
    addedAt: AT,
  };
}

function item(n: number, position: number): AgendaItem {
  return {
    id: id(n),
    position,
    title: `Nội dung ${n}`,
    description: '',
    presenterId: null,
    plannedMinutes: 15,
    status: 'pending',
    startedAt: null,
    endedAt: null,
  };
}

function initial(): MeetingSnapshot {
  return {
    meeting: {
      id: MEETING,
      title: 'Hội nghị',
      kind: 'party_committee',
      organizerUnit: 'Đảng ủy phường',
      startsAt: AT,
      endsAt: '2026-12-01T04:00:00.000Z',
      location: 'Hội trường',
      online: false,
      description: '',
      status: 'scheduled',
      lastSeq: 0,
      createdById: SECRETARY,
      createdAt: AT,
    },
    participants: [participant(SECRETARY, 'secretary')],
    agenda: [],
    attendance: { settings: DEFAULT_ATTENDANCE_SETTINGS, records: [] },
    speakers: EMPTY_SPEAKERS_STATE,
    polls: EMPTY_POLLS_STATE,
    documents: [],
    documentComments: [],
    presentation: null,
    seq: 0,
    onlineCount: 0,
    online: [],
  };
}

/** A meeting's history: build the events with increasing seq, each validated by the shared schema. */
function history(): MeetingEvent[] {
  const raw: Omit<MeetingEvent, 'seq' | 'meetingId' | 'actorId' | 'at'>[] = [
    { type: 'participant.added', payload: { participant: participant(CHAIR, 'chair') } },
    { type: 'participant.added', payload: { participant: participant(DELEGATE, 'delegate') } },
    { type: 'agenda.itemAdded', payload: { item: item(1, 1), order: [id(1)] } },
    { type: 'agenda.itemAdded', payload: { item: item(2, 2), order: [id(1), id(2)] } },
    { type: 'agenda.itemAdded', payload: { item: item(3, 1), order: [id(3), id(1), id(2)] } },
    { type: 'agenda.reordered', payload: { order: [id(1), id(2), id(3)] } },
    { type: 'agenda.itemUpdated', payload: { itemId: id(2), changes: { title: 'Sửa', plannedMinutes: 30 } } },
    {
      type: 'meeting.updated',
      payload: { changes: { title: 'Hội nghị BCH', location: null, online: true } },
    },
    {
      type: 'participant.responded',
      payload: { userId: DELEGATE, invitation: 'declined', declineReason: 'Đi công tác', respondedAt: AT },
    },
    { type: 'participant.roleChanged', payload: { userId: DELEGATE, from: 'delegate', role: 'guest' } },
    { type: 'meeting.statusChanged', payload: { from: 'scheduled', to: 'live', agenda: [] } },
    {
      type: 'agenda.currentChanged',
      payload: {
        itemId: id(1),
        previousItemId: null,
        items: [{ id: id(1), status: 'active', startedAt: AT, endedAt: null }],
      },
    },
    { type: 'agenda.itemRemoved', payload: { itemId: id(3), order: [id(1), id(2)] } },
    {
      type: 'agenda.currentChanged',
      payload: {
        itemId: id(2),
        previousItemId: id(1),
        items: [
          { id: id(1), status: 'done', startedAt: AT, endedAt: AT },
          { id: id(2), status: 'active', startedAt: AT, endedAt: null },
        ],
      },
    },
    { type: 'participant.removed', payload: { userId: DELEGATE } },
    {
      type: 'meeting.statusChanged',
      payload: {
        from: 'live',
        to: 'ended',
        agenda: [{ id: id(2), status: 'done', startedAt: AT, endedAt: AT }],
      },
    },
  ] as Omit<MeetingEvent, 'seq' | 'meetingId' | 'actorId' | 'at'>[];
  return raw.map((e, i) =>
    MeetingEventSchema.parse({ ...e, meetingId: MEETING, seq: i + 1, actorId: CHAIR, at: AT }),
  );
}

const applyAll = (s: MeetingSnapshot, events: MeetingEvent[]) => events.reduce(applyMeetingEvent, s);

describe('applyMeetingEvent', () => {
  it('replays a whole meeting into the expected state', () => {
    const end = applyAll(initial(), history());
    expect(end.seq).toBe(16);
    expect(end.meeting).toMatchObject({
      title: 'Hội nghị BCH',
      location: null,
      online: true,
      status: 'ended',
    });
    expect(end.meeting.lastSeq).toBe(16);
    expect(end.participants.map((p) => [p.userId, p.role])).toEqual([
      [SECRETARY, 'secretary'],
      [CHAIR, 'chair'],
    ]);
    expect(end.agenda).toEqual([
      { ...item(1, 1), status: 'done', startedAt: AT, endedAt: AT },
      { ...item(2, 2), title: 'Sửa', plannedMinutes: 30, status: 'done', startedAt: AT, endedAt: AT },
    ]);
  });

  it('keeps responses and role changes of participants', () => {
    const events = history().slice(0, 10);
    const s = applyAll(initial(), events);
    expect(s.participants.find((p) => p.userId === DELEGATE)).toMatchObject({
      role: 'guest',
      invitation: 'declined',
      declineReason: 'Đi công tác',
    });
  });

  it('does not change its input', () => {
    const s = initial();
    const copy = structuredClone(s);
    applyMeetingEvent(s, history()[0]);
    expect(s).toEqual(copy);
  });

  it('refuses an event out of order or of another meeting', () => {
    const [, second] = history();
    expect(() => applyMeetingEvent(initial(), second)).toThrow(MeetingEventOrderError);
    expect(() => applyMeetingEvent(initial(), { ...history()[0], meetingId: id(99) })).toThrow(
      MeetingEventOrderError,
    );
  });

  it('advances seq over an event type it does not know (a later domain)', () => {
    const unknown = { ...history()[0], type: 'poll.opened' } as unknown as MeetingEvent;
    const s = applyMeetingEvent(initial(), unknown);
    expect(s.seq).toBe(1);
    expect(s.participants).toEqual(initial().participants);
  });
});

describe('MeetingEventBuffer', () => {
  const events = history();

  it('releases events in seq order and holds early ones', () => {
    const b = new MeetingEventBuffer(0);
    expect(b.push(events[1])).toEqual({ ready: [], duplicate: false, gap: { fromSeq: 1, toSeq: 1 } });
    expect(b.push(events[2]).gap).toEqual({ fromSeq: 1, toSeq: 1 });
    const r = b.push(events[0]);
    expect(r.ready.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(r.gap).toBeNull();
    expect(b.seq).toBe(3);
  });

  it('drops duplicates: already applied or already held', () => {
    const b = new MeetingEventBuffer(2);
    expect(b.push(events[0]).duplicate).toBe(true);
    expect(b.push(events[1]).duplicate).toBe(true);
    expect(b.push(events[4]).duplicate).toBe(false);
    expect(b.push(events[4]).duplicate).toBe(true);
    expect(b.heldCount).toBe(1);
    expect(b.gap()).toEqual({ fromSeq: 3, toSeq: 4 });
  });

  it('starts over at a snapshot seq and releases what it held beyond it', () => {
    const b = new MeetingEventBuffer(0);
    b.push(events[5]);
    b.push(events[2]);
    expect(b.reset(5).map((e) => e.seq)).toEqual([6]);
    expect(b.heldCount).toBe(0);
    expect(b.seq).toBe(6);
  });
});

describe('MeetingEventStream', () => {
  /** Deterministic shuffle (no Math.random in tests: a failure must replay). */
  function shuffled<T>(list: T[], seed: number): T[] {
    const out = [...list];
    let x = seed;
    for (let i = out.length - 1; i > 0; i--) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      const j = x % (i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'converges whatever the delivery order and duplicates (seed %i)',
    (seed) => {
      const events = history();
      const expected = applyAll(initial(), events);
      const stream = new MeetingEventStream(initial());
      const delivery = shuffled([...events, ...events.filter((_, i) => i % 3 === seed % 3)], seed);
      let applied = 0;
      for (const e of delivery) applied += stream.receive(e);
      expect(applied).toBe(events.length);
      expect(stream.snapshot).toEqual(expected);
      expect(stream.gap).toBeNull();
    },
  );

  it('catches up from a rejoin batch that overlaps what it has', () => {
    const events = history();
    const stream = new MeetingEventStream(initial());
    stream.receive(events.slice(0, 5));
    stream.receive(events[9]); // arrives early, a gap opens
    expect(stream.gap).toEqual({ fromSeq: 6, toSeq: 9 });
    expect(stream.receive(events.slice(3))).toBe(events.length - 5);
    expect(stream.snapshot).toEqual(applyAll(initial(), events));
  });

  it('loads a newer snapshot and applies held events on top', () => {
    const events = history();
    const stream = new MeetingEventStream(initial());
    stream.receive(events[12]);
    stream.loadSnapshot(applyAll(initial(), events.slice(0, 12)));
    expect(stream.seq).toBe(13);
    expect(stream.snapshot).toEqual(applyAll(initial(), events.slice(0, 13)));
  });

  it('keeps presence apart from the log', () => {
    const stream = new MeetingEventStream(initial());
    stream.setOnline([CHAIR]);
    stream.receive(history()[0]);
    expect(stream.snapshot.online).toEqual([CHAIR]);
  });
});
