import fc from 'fast-check';
import type { MeetingEvent, MeetingSnapshot } from '../schemas/meeting-events';
import type { MeetingRole, Participant } from '../schemas/meetings';
import { EMPTY_POLLS_STATE } from '../schemas/polls';
import { applyMeetingEvent, MeetingEventStream } from './event-stream';
import { applyPresenceDelta, withRoster } from './room-snapshot';

const meetingId = '11111111-1111-4111-8111-111111111111';
const ids = [1, 2, 3, 4].map((n) => `${n}${n}${n}${n}${n}${n}${n}${n}-2222-4222-8222-222222222222`);
const at = '2026-11-20T01:00:00.000Z';

const participant = (userId: string, role: MeetingRole): Participant => ({
  userId,
  user: {
    id: userId,
    username: `u${userId[0]}`,
    fullName: `Đồng chí ${userId[0]}`,
    title: 'Ủy viên',
    unit: 'Phường Vĩnh Phúc',
  },
  role,
  invitation: 'pending',
  declineReason: null,
  respondedAt: null,
  addedAt: at,
});

const initial: MeetingSnapshot = {
  meeting: {
    id: meetingId,
    title: 'Họp Đảng ủy',
    kind: 'party_committee',
    organizerUnit: '',
    startsAt: at,
    endsAt: at,
    location: null,
    online: false,
    description: '',
    status: 'live',
    lastSeq: 0,
    createdById: ids[0],
    createdAt: at,
  } as MeetingSnapshot['meeting'],
  participants: [participant(ids[0]!, 'chair')],
  agenda: [],
  attendance: { settings: { quorum: 'half' }, records: [] } as unknown as MeetingSnapshot['attendance'],
  speakers: { list: [], items: [], defaultLimitSeconds: 180 } as unknown as MeetingSnapshot['speakers'],
  polls: EMPTY_POLLS_STATE,
  documents: [],
  documentComments: [],
  presentation: null,
  seq: 0,
  onlineCount: 0,
  online: [],
};

type Step =
  | { t: 'added'; who: number; role: MeetingRole }
  | { t: 'removed'; who: number }
  | { t: 'roleChanged'; who: number; role: MeetingRole }
  | { t: 'handOver'; who: number }
  | { t: 'responded'; who: number; accept: boolean };

const who = fc.integer({ min: 0, max: ids.length - 1 });
const role = fc.constantFrom<MeetingRole>('delegate', 'secretary', 'guest');
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ t: fc.constant('added' as const), who, role }),
  fc.record({ t: fc.constant('removed' as const), who }),
  fc.record({ t: fc.constant('roleChanged' as const), who, role }),
  fc.record({ t: fc.constant('handOver' as const), who }),
  fc.record({ t: fc.constant('responded' as const), who, accept: fc.boolean() }),
);

function eventOf(s: Step, seq: number, state: MeetingSnapshot): MeetingEvent {
  const userId = ids[s.who]!;
  const base = { meetingId, seq, actorId: ids[0]!, at };
  switch (s.t) {
    case 'added':
      return { ...base, type: 'participant.added', payload: { participant: participant(userId, s.role) } };
    case 'removed':
      return { ...base, type: 'participant.removed', payload: { userId } };
    case 'roleChanged':
      return {
        ...base,
        type: 'participant.roleChanged',
        payload: { userId, from: 'delegate', role: s.role },
      };
    case 'handOver': {
      const chairs = state.participants.filter((p) => p.role === 'chair').map((p) => p.userId);
      return {
        ...base,
        type: 'participant.chairHandedOver',
        payload: {
          fromUserIds: chairs.filter((c) => c !== userId),
          toUserId: userId,
          toPreviousRole: 'delegate',
        },
      };
    }
    case 'responded':
      return {
        ...base,
        type: 'participant.responded',
        payload: {
          userId,
          invitation: s.accept ? 'accepted' : 'declined',
          declineReason: s.accept ? null : `Lý do ${seq}`,
          respondedAt: at,
        },
      };
  }
}

/** The log's states: states[n] is the meeting after event n. */
function run(steps: Step[]): { events: MeetingEvent[]; states: MeetingSnapshot[] } {
  const states = [initial];
  const events: MeetingEvent[] = [];
  for (const s of steps) {
    const e = eventOf(s, events.length + 1, states.at(-1)!);
    events.push(e);
    states.push(applyMeetingEvent(states.at(-1)!, e));
  }
  return { events, states };
}

const byUser = (ps: Participant[]) => [...ps].sort((a, b) => a.userId.localeCompare(b.userId));

describe('the room snapshot and the roster', () => {
  it('the join snapshot with a roster read at the same seq is the full state', () => {
    const { participants, ...room } = initial;
    expect(withRoster(room, participants)).toEqual(initial);
  });

  it('a roster newer than the snapshot ends exact once the events after the snapshot are applied', () => {
    // The roster is read after the join (seq R ≥ S); the stream then applies S+1 … on top of it,
    // including the participant events the roster already holds.
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), fc.nat(), fc.nat(), (steps, a, b) => {
        const { events, states } = run(steps);
        const s = a % (events.length + 1);
        const r = s + (b % (events.length + 1 - s));
        const { participants: _atS, ...room } = states[s]!;
        const stream = new MeetingEventStream(withRoster(room, states[r]!.participants));
        stream.receive(events.slice(s));
        expect(byUser(stream.snapshot.participants)).toEqual(byUser(states.at(-1)!.participants));
        expect(stream.snapshot).toEqual({ ...states.at(-1)!, participants: stream.snapshot.participants });
      }),
      { numRuns: 300 },
    );
  });
});

describe('presence deltas', () => {
  it('adds who joined, removes who left, each once and sorted', () => {
    expect(applyPresenceDelta(['b', 'a'], { joined: ['c', 'a'], left: ['b'] })).toEqual(['a', 'c']);
    expect(applyPresenceDelta([], { joined: [], left: ['x'] })).toEqual([]);
  });
});
