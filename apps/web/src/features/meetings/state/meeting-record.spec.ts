import type { MeetingEvent } from '@phonghop/common';
import { meetingRecord, minutesBetween } from './meeting-record';

const M = '00000000-0000-4000-8000-000000000001';
const A = '00000000-0000-4000-8000-0000000000aa';
const I = '00000000-0000-4000-8000-0000000000b1';
let seq = 0;
const status = (from: string, to: string, at: string, extra: object = {}): MeetingEvent =>
  ({
    meetingId: M,
    seq: (seq += 1),
    type: 'meeting.statusChanged',
    payload: { from, to, agenda: [], ...extra },
    actorId: A,
    at,
  }) as MeetingEvent;

describe('meetingRecord', () => {
  it('reads the session start and end, closing, archiving and the undiscussed items', () => {
    const undiscussed = [{ id: I, position: 2, title: 'Quốc phòng', startedAt: null }];
    const record = meetingRecord([
      status('draft', 'scheduled', '2026-12-01T00:00:00.000Z'),
      status('scheduled', 'live', '2026-12-15T01:02:00.000Z'),
      status('live', 'ended', '2026-12-15T03:30:00.000Z', { undiscussed }),
      status('ended', 'closed', '2026-12-16T02:00:00.000Z'),
    ]);
    expect(record).toEqual({
      startedAt: '2026-12-15T01:02:00.000Z',
      endedAt: '2026-12-15T03:30:00.000Z',
      closedAt: '2026-12-16T02:00:00.000Z',
      archivedAt: null,
      undiscussed,
    });
  });

  it('knows nothing it was not told: a log without an end, or an end written before the list existed', () => {
    expect(meetingRecord([])).toEqual({
      startedAt: null,
      endedAt: null,
      closedAt: null,
      archivedAt: null,
      undiscussed: null,
    });
    expect(meetingRecord([status('live', 'ended', '2026-12-15T03:30:00.000Z')]).undiscussed).toBeNull();
  });
});

describe('minutesBetween', () => {
  it('rounds to whole minutes and never goes below zero', () => {
    expect(minutesBetween('2026-12-15T01:00:00.000Z', '2026-12-15T01:14:40.000Z')).toBe(15);
    expect(minutesBetween('2026-12-15T01:00:00.000Z', '2026-12-15T00:59:00.000Z')).toBe(0);
  });
});
