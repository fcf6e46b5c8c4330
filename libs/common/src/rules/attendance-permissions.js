"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkSelfCheckIn = checkSelfCheckIn;
exports.checkTakeAttendance = checkTakeAttendance;
exports.checkConfigureAttendance = checkConfigureAttendance;
exports.canManageAttendance = canManageAttendance;
/*
 * Who may take attendance, as pure functions (the server enforces them; the web hides buttons).
 * Attendance is taken from the moment the meeting is announced (people arrive before the chair
 * opens the session) until it ends; after that it is part of the record.
 */
const ALLOWED = { ok: true };
const OPEN_STATUSES = ['scheduled', 'live'];
/** A participant checks themself in ("Có mặt"), guests too (they are listed, never counted). */
function checkSelfCheckIn(status, actor) {
    if (actor.meetingRole === null)
        return { ok: false, code: 'NOT_A_PARTICIPANT' };
    if (!OPEN_STATUSES.includes(status))
        return { ok: false, code: 'ATTENDANCE_CLOSED' };
    return ALLOWED;
}
/** The secretary (or a system admin) marks anyone and records proxies. */
function checkTakeAttendance(status, actor) {
    if (actor.systemRole !== 'admin' && actor.meetingRole !== 'secretary') {
        return { ok: false, code: 'MEETING_ROLE_REQUIRED' };
    }
    if (!OPEN_STATUSES.includes(status))
        return { ok: false, code: 'ATTENDANCE_CLOSED' };
    return ALLOWED;
}
/** The quorum rule and the proxy policy: the secretary, from the draft until the meeting ends. */
function checkConfigureAttendance(status, actor) {
    if (actor.systemRole !== 'admin' && actor.meetingRole !== 'secretary') {
        return { ok: false, code: 'MEETING_ROLE_REQUIRED' };
    }
    if (status !== 'draft' && !OPEN_STATUSES.includes(status))
        return { ok: false, code: 'ATTENDANCE_CLOSED' };
    return ALLOWED;
}
/** Who can see everyone's check-in status and tablet connection: the chair and the secretary. */
function canManageAttendance(actor) {
    return actor.systemRole === 'admin' || actor.meetingRole === 'chair' || actor.meetingRole === 'secretary';
}
//# sourceMappingURL=attendance-permissions.js.map