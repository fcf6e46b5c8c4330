import type { MEETING_LIST_SCOPES, MeetingStatus } from '../schemas/meetings';
import { FINISHED_STATUSES } from './meeting-lifecycle';

/*
 * Calendar arithmetic for "my meetings". The ward works on Vietnam time (UTC+7, no daylight
 * saving), so "today" is the Vietnamese day whatever the server's time zone.
 */
export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;

/** [start, end) of the local day containing `now`, as UTC instants. */
export function localDayRange(
  now: Date,
  offsetMinutes = VIETNAM_UTC_OFFSET_MINUTES,
): { from: Date; to: Date } {
  const offsetMs = offsetMinutes * 60_000;
  const local = new Date(now.getTime() + offsetMs);
  const startLocal = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  return { from: new Date(startLocal - offsetMs), to: new Date(startLocal - offsetMs + 86_400_000) };
}

/** Whether [startsAt, endsAt) overlaps [from, to). */
export function overlaps(startsAt: Date, endsAt: Date, from: Date, to: Date): boolean {
  return startsAt < to && endsAt > from;
}

/** One of the lists of "my meetings". */
export type MeetingListScope = (typeof MEETING_LIST_SCOPES)[number];

/** What the list rules read of a meeting (instants as ISO strings or Dates). */
export interface MeetingTiming {
  status: MeetingStatus;
  startsAt: string | Date;
  endsAt: string | Date;
}

const instant = (t: string | Date): number => (typeof t === 'string' ? Date.parse(t) : t.getTime());

/**
 * A scheduled meeting whose planned start has come and that nobody has started ("quá giờ"). It
 * stays in the upcoming and today lists, flagged, until it is started, ended or postponed.
 */
export function isOverdue(meeting: MeetingTiming, now: Date): boolean {
  return meeting.status === 'scheduled' && instant(meeting.startsAt) <= now.getTime();
}

/**
 * The lists a meeting belongs to at `now`:
 * - `past`: it has been held (ended, closed, archived) — whatever its planned times;
 * - `upcoming`: it has not (draft, scheduled, live) — even when its planned end has passed;
 * - `today`: it overlaps the Vietnamese day of `now`, or it is live, or it is overdue.
 * The server's list query (MeetingsRepository.list) is this rule in SQL; a test holds them equal.
 */
export function meetingListScopes(meeting: MeetingTiming, now: Date): MeetingListScope[] {
  const held = FINISHED_STATUSES.includes(meeting.status);
  const day = localDayRange(now);
  const onToday = overlaps(
    new Date(instant(meeting.startsAt)),
    new Date(instant(meeting.endsAt)),
    day.from,
    day.to,
  );
  const scopes: MeetingListScope[] = [];
  if (onToday || meeting.status === 'live' || isOverdue(meeting, now)) scopes.push('today');
  scopes.push(held ? 'past' : 'upcoming');
  return scopes;
}
