"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.VIETNAM_UTC_OFFSET_MINUTES = void 0;
exports.localDayRange = localDayRange;
exports.overlaps = overlaps;
exports.isOverdue = isOverdue;
exports.meetingListScopes = meetingListScopes;
const meeting_lifecycle_1 = require("./meeting-lifecycle");
/*
 * Calendar arithmetic for "my meetings". The ward works on Vietnam time (UTC+7, no daylight
 * saving), so "today" is the Vietnamese day whatever the server's time zone.
 */
exports.VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;
/** [start, end) of the local day containing `now`, as UTC instants. */
function localDayRange(now, offsetMinutes = exports.VIETNAM_UTC_OFFSET_MINUTES) {
    const offsetMs = offsetMinutes * 60_000;
    const local = new Date(now.getTime() + offsetMs);
    const startLocal = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
    return { from: new Date(startLocal - offsetMs), to: new Date(startLocal - offsetMs + 86_400_000) };
}
/** Whether [startsAt, endsAt) overlaps [from, to). */
function overlaps(startsAt, endsAt, from, to) {
    return startsAt < to && endsAt > from;
}
const instant = (t) => (typeof t === 'string' ? Date.parse(t) : t.getTime());
/**
 * A scheduled meeting whose planned start has come and that nobody has started ("quá giờ"). It
 * stays in the upcoming and today lists, flagged, until it is started, ended or postponed.
 */
function isOverdue(meeting, now) {
    return meeting.status === 'scheduled' && instant(meeting.startsAt) <= now.getTime();
}
/**
 * The lists a meeting belongs to at `now`:
 * - `past`: it has been held (ended, closed, archived) — whatever its planned times;
 * - `upcoming`: it has not (draft, scheduled, live) — even when its planned end has passed;
 * - `today`: it overlaps the Vietnamese day of `now`, or it is live, or it is overdue.
 * The server's list query (MeetingsRepository.list) is this rule in SQL; a test holds them equal.
 */
function meetingListScopes(meeting, now) {
    const held = meeting_lifecycle_1.FINISHED_STATUSES.includes(meeting.status);
    const day = localDayRange(now);
    const onToday = overlaps(new Date(instant(meeting.startsAt)), new Date(instant(meeting.endsAt)), day.from, day.to);
    const scopes = [];
    if (onToday || meeting.status === 'live' || isOverdue(meeting, now))
        scopes.push('today');
    scopes.push(held ? 'past' : 'upcoming');
    return scopes;
}
//# sourceMappingURL=meeting-calendar.js.map