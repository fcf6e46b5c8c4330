"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FINISHED_STATUSES = exports.PREPARATION_STATUSES = exports.MEETING_TRANSITIONS = void 0;
exports.nextStatuses = nextStatuses;
exports.checkTransition = checkTransition;
const ALLOWED = { ok: true };
/** Who may move a meeting from one status to another; system admins may do all of them. */
exports.MEETING_TRANSITIONS = [
    // Scheduling sends the invitations; unscheduling takes the meeting back to the drawing board.
    { from: 'draft', to: 'scheduled', roles: ['secretary'] },
    { from: 'scheduled', to: 'draft', roles: ['secretary'] },
    // The chair opens and closes the session.
    { from: 'scheduled', to: 'live', roles: ['chair'] },
    { from: 'live', to: 'ended', roles: ['chair'] },
    // Closing means the minutes are approved: the chair or the secretary confirms it.
    { from: 'ended', to: 'closed', roles: ['chair', 'secretary'] },
    { from: 'closed', to: 'archived', roles: ['secretary'] },
];
/** The statuses reachable from `from` by someone. */
function nextStatuses(from) {
    return exports.MEETING_TRANSITIONS.filter((t) => t.from === from).map((t) => t.to);
}
/** Whether `actor` may move the meeting from `from` to `to`. */
function checkTransition(from, to, actor) {
    const rule = exports.MEETING_TRANSITIONS.find((t) => t.from === from && t.to === to);
    if (!rule)
        return { ok: false, code: 'INVALID_TRANSITION' };
    if (actor.systemRole === 'admin')
        return ALLOWED;
    if (actor.meetingRole && rule.roles.includes(actor.meetingRole))
        return ALLOWED;
    return { ok: false, code: 'MEETING_ROLE_REQUIRED' };
}
/** Statuses in which the details and the participants are still prepared. */
exports.PREPARATION_STATUSES = ['draft', 'scheduled'];
/** Statuses in which the meeting has taken place (it shows under "past"). */
exports.FINISHED_STATUSES = ['ended', 'closed', 'archived'];
//# sourceMappingURL=meeting-lifecycle.js.map