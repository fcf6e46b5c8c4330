import type { MeetingSnapshot } from '../schemas/meeting-events';
import { EMPTY_POLLS_STATE } from '../schemas/polls';
import { applyMeetingEvent, MeetingEventStream } from './event-stream';
import { applyPresenceDelta, compactSnapshot, hydrateSnapshot } from './room-snapshot';

const meetingId = '11111111-1111-4111-8111-111111111111';
const chairId = '22222222-2222-4222-8222-222222222222';
const delegateId = '33333333-3333-4333-8333-333333333333';
const at = '2026-11-20T01:00:00.000Z';
const person = (id: string, fullName: string) => ({
  userId: id,
  user: { id, username: fullName.toLowerCase(), fullName, title: 'Ủy viên', unit: 'Phường Vĩnh Phúc' },
  addedAt: at,
});

const full: MeetingSnapshot = {
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
    lastSeq: 3,
    createdById: chairId,
    createdAt: at,
  } as MeetingSnapshot['meeting'],
  participants: [
    {
      ...person(chairId, 'Chủ trì'),
      role: 'chair',
      invitation: 'accepted',
      declineReason: null,
      respondedAt: at,
    },
    {
      ...person(delegateId, 'Đại biểu'),
      role: 'delegate',
      invitation: 'pending',
      declineReason: null,
      respondedAt: null,
    },
  ],
  agenda: [],
  attendance: { settings: { quorum: 'half' }, records: [] } as unknown as MeetingSnapshot['attendance'],
  speakers: { list: [], items: [], defaultLimitSeconds: 180 } as unknown as MeetingSnapshot['speakers'],
  polls: EMPTY_POLLS_STATE,
  documents: [],
  documentComments: [],
  presentation: null,
  seq: 3,
  online: [chairId],
};

describe('the compact room snapshot', () => {
  it('leaves out the directory details and empty fields, and the directory puts them back', () => {
    const room = compactSnapshot(full);
    expect(room.participants).toEqual([
      { userId: chairId, role: 'chair', invitation: 'accepted', respondedAt: at },
      { userId: delegateId, role: 'delegate', invitation: 'pending' },
    ]);
    const people = new Map(
      [chairId, delegateId].map((id) => [id, full.participants.find((p) => p.userId === id)!]),
    );
    const { snapshot, missing } = hydrateSnapshot(room, people);
    expect(missing).toEqual([]);
    expect(snapshot).toEqual(full);
  });

  it('names who the directory does not know, with empty details meanwhile', () => {
    const { snapshot, missing } = hydrateSnapshot(compactSnapshot(full), new Map());
    expect(missing).toEqual([chairId, delegateId]);
    expect(snapshot.participants[0].user.fullName).toBe('');
  });

  it('keeps a compact snapshot compact when the log adds a participant with details', () => {
    const newcomer = '44444444-4444-4444-8444-444444444444';
    const room = compactSnapshot(full);
    const next = applyMeetingEvent(room, {
      meetingId,
      seq: 4,
      type: 'participant.added',
      actorId: chairId,
      at,
      payload: {
        participant: {
          ...person(newcomer, 'Khách'),
          role: 'guest',
          invitation: 'pending',
          declineReason: null,
          respondedAt: null,
        },
      },
    });
    expect(next.participants.at(-1)).toEqual({ userId: newcomer, role: 'guest', invitation: 'pending' });
    // A hydrated (full) stream keeps the details the event carries.
    const stream = new MeetingEventStream(full);
    stream.receive({
      meetingId,
      seq: 4,
      type: 'participant.responded',
      actorId: delegateId,
      at,
      payload: { userId: delegateId, invitation: 'declined', declineReason: 'Đi công tác', respondedAt: at },
    });
    expect(stream.snapshot.participants[1]).toMatchObject({
      user: { fullName: 'Đại biểu' },
      declineReason: 'Đi công tác',
    });
  });
});

describe('presence deltas', () => {
  it('adds who joined, removes who left, each once and sorted', () => {
    expect(applyPresenceDelta(['b', 'a'], { joined: ['c', 'a'], left: ['b'] })).toEqual(['a', 'c']);
    expect(applyPresenceDelta([], { joined: [], left: ['x'] })).toEqual([]);
  });
});
