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
