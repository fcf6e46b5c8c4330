import type { MeetingEvent, MeetingStatus, UndiscussedItem } from '@phonghop/common';

/** What happened to a meeting, read from its event log (for the page of a meeting that is over). */
export interface MeetingRecord {
  /** When the chair opened the session (the last `→ live`), and when it ended (`→ ended`). */
  startedAt: string | null;
  endedAt: string | null;
  /** When the meeting was closed and archived, if it was. */
  closedAt: string | null;
  archivedAt: string | null;
  /** The items the end event records as not finished; null when the log has no such record. */
  undiscussed: UndiscussedItem[] | null;
}

const at = (
  events: readonly MeetingEvent[],
  to: MeetingStatus,
): { at: string; event: MeetingEvent } | null => {
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const e = events[i]!;
    if (e.type === 'meeting.statusChanged' && e.payload.to === to) return { at: e.at, event: e };
  }
  return null;
};

/** The record of a meeting from its events (in seq order). */
export function meetingRecord(events: readonly MeetingEvent[]): MeetingRecord {
  const ended = at(events, 'ended');
  const undiscussed =
    ended?.event.type === 'meeting.statusChanged' ? (ended.event.payload.undiscussed ?? null) : null;
  return {
    startedAt: at(events, 'live')?.at ?? null,
    endedAt: ended?.at ?? null,
    closedAt: at(events, 'closed')?.at ?? null,
    archivedAt: at(events, 'archived')?.at ?? null,
    undiscussed,
  };
}

/** Whole minutes between two instants (at least 0), for "actual time" next to the planned one. */
export function minutesBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000));
}
