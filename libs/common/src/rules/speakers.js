"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.speakerQueue = speakerQueue;
exports.nextSpeakerPosition = nextSpeakerPosition;
exports.currentSpeaker = currentSpeaker;
exports.speakingLimitSeconds = speakingLimitSeconds;
exports.speechClock = speechClock;
exports.checkRequestFloor = checkRequestFloor;
exports.checkChairSpeakers = checkChairSpeakers;
/*
 * The list of speakers as pure rules: the order of the queue, the time limit that applies, and who
 * may do what. The server enforces them; every screen uses the same functions to show the list.
 */
const ALLOWED = { ok: true };
/** Waiting requests of an item in speaking order: points of order first, then by position. */
function speakerQueue(list, agendaItemId) {
    return list
        .filter((s) => s.agendaItemId === agendaItemId && s.status === 'waiting')
        .sort((a, b) => Number(b.kind === 'point_of_order') - Number(a.kind === 'point_of_order') ||
        a.position - b.position ||
        a.requestedAt.localeCompare(b.requestedAt));
}
/** The position a new request takes: after every request of the item. */
function nextSpeakerPosition(list, agendaItemId) {
    return (list.filter((s) => s.agendaItemId === agendaItemId).reduce((max, s) => Math.max(max, s.position), 0) + 1);
}
/** Who speaks now in the meeting (one at a time), or null. */
function currentSpeaker(list) {
    return list.find((s) => s.status === 'speaking') ?? null;
}
/** The limit that applies: the speaker's own, else the item's, else the meeting's default. */
function speakingLimitSeconds(state, speaker) {
    return (speaker.limitSeconds ??
        state.items.find((i) => i.agendaItemId === speaker.agendaItemId)?.limitSeconds ??
        state.defaultLimitSeconds);
}
/** The warning shows in the last 30 s (or the last fifth of a short limit). */
function speechClock(startedAtMs, limitSeconds, serverNowMs) {
    const remaining = limitSeconds - (serverNowMs - startedAtMs) / 1000;
    const warnAt = Math.min(30, limitSeconds / 5);
    const remainingSeconds = remaining >= 0 ? Math.ceil(remaining) : -Math.floor(-remaining);
    return { remainingSeconds, phase: remaining < 0 ? 'overtime' : remaining <= warnAt ? 'warning' : 'normal' };
}
/** Any participant (guests too) asks for the floor while the meeting is live. */
function checkRequestFloor(status, actor) {
    if (actor.meetingRole === null)
        return { ok: false, code: 'NOT_A_PARTICIPANT' };
    if (status !== 'live')
        return { ok: false, code: 'MEETING_NOT_LIVE' };
    return ALLOWED;
}
/** Granting, ending, ordering, adding, removing, limits, closing: the chair (or an admin), live only. */
function checkChairSpeakers(status, actor) {
    if (actor.systemRole !== 'admin' && actor.meetingRole !== 'chair')
        return { ok: false, code: 'MEETING_ROLE_REQUIRED' };
    if (status !== 'live')
        return { ok: false, code: 'MEETING_NOT_LIVE' };
    return ALLOWED;
}
//# sourceMappingURL=speakers.js.map