"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.canViewMeeting = canViewMeeting;
exports.checkEditDetails = checkEditDetails;
exports.checkManageLeadingParticipant = checkManageLeadingParticipant;
exports.checkChangeRole = checkChangeRole;
exports.checkHandOverChair = checkHandOverChair;
exports.checkManageParticipants = checkManageParticipants;
exports.checkRespondInvitation = checkRespondInvitation;
exports.checkEditAgenda = checkEditAgenda;
exports.checkRemoveAgendaItem = checkRemoveAgendaItem;
exports.checkSetAgendaItemStatus = checkSetAgendaItemStatus;
exports.checkSetCurrentItem = checkSetCurrentItem;
exports.isVotingRole = isVotingRole;
const meeting_lifecycle_1 = require("./meeting-lifecycle");
/*
 * Who may do what in a meeting, as pure functions. The server checks these for every REST call and
 * socket command; the web uses them only to hide buttons.
 */
const ALLOWED = { ok: true };
const isAdmin = (a) => a.systemRole === 'admin';
const hasRole = (a, ...roles) => isAdmin(a) || (a.meetingRole !== null && roles.includes(a.meetingRole));
/** Participants and system admins see a meeting, its agenda and its events. */
function canViewMeeting(actor) {
    return isAdmin(actor) || actor.meetingRole !== null;
}
/** Title, kind, time, place, description: the secretary while the meeting is being prepared. */
function checkEditDetails(status, actor) {
    if (!hasRole(actor, 'secretary'))
        return { ok: false, code: 'MEETING_ROLE_REQUIRED' };
    if (!meeting_lifecycle_1.PREPARATION_STATUSES.includes(status))
        return { ok: false, code: 'MEETING_NOT_EDITABLE' };
    return ALLOWED;
}
/** Roles that run a meeting: giving or taking them is itself a matter of authority. */
const LEADING_ROLES = ['chair', 'secretary'];
/**
 * Adding a participant in a leading role (chair, secretary) or removing one: before the meeting is
 * scheduled the secretary prepares it; once it is scheduled only the chair or an admin, so a
 * secretary cannot make an ally chair or secretary (or remove the chair) on their own; while it is
 * live a chair is neither added nor removed (handover only).
 */
function checkManageLeadingParticipant(status, actor, role) {
    if (!LEADING_ROLES.includes(role) || status === 'draft')
        return checkManageParticipants(status, actor);
    if (!hasRole(actor, 'chair'))
        return { ok: false, code: 'MEETING_ROLE_REQUIRED' };
    if (status !== 'scheduled' && status !== 'live')
        return { ok: false, code: 'MEETING_NOT_EDITABLE' };
    if (status === 'live' && role === 'chair')
        return { ok: false, code: 'CHAIR_HANDOVER_REQUIRED' };
    return ALLOWED;
}
/**
 * Changing a participant's role. In a draft, the secretary (or an admin) sets roles freely. Once
 * the meeting is scheduled, the leading roles (chair, secretary) are the chair's or an admin's to
 * give or take — a secretary can no longer promote a delegate to secretary and then themself to
 * chair; delegate ↔ guest stays open to the secretary too. While it is live, the chair
 * role is neither given nor taken this way: it moves only by an explicit handover on the log
 * (`meeting.handOver`).
 */
function checkChangeRole(status, actor, change) {
    if (status === 'draft')
        return checkManageParticipants(status, actor);
    const leading = LEADING_ROLES.includes(change.from) || LEADING_ROLES.includes(change.to);
    // Delegate ↔ guest stays the secretary's work (latecomers, a guest given a vote) as well.
    if (!hasRole(actor, 'chair') && (leading || !hasRole(actor, 'secretary'))) {
        return { ok: false, code: 'MEETING_ROLE_REQUIRED' };
    }
    if (status !== 'scheduled' && status !== 'live')
        return { ok: false, code: 'MEETING_NOT_EDITABLE' };
    if (status === 'live' && (change.from === 'chair' || change.to === 'chair') && change.from !== change.to) {
        return { ok: false, code: 'CHAIR_HANDOVER_REQUIRED' };
    }
    return ALLOWED;
}
/** Handing the chair to another participant: the chair (or an admin), once scheduled, until it ends. */
function checkHandOverChair(status, actor) {
    if (!hasRole(actor, 'chair'))
        return { ok: false, code: 'MEETING_ROLE_REQUIRED' };
    if (status !== 'scheduled' && status !== 'live')
        return { ok: false, code: 'MEETING_NOT_EDITABLE' };
    return ALLOWED;
}
/** Adding, removing and re-roling participants: the secretary until the meeting ends (latecomers). */
function checkManageParticipants(status, actor) {
    if (!hasRole(actor, 'secretary'))
        return { ok: false, code: 'MEETING_ROLE_REQUIRED' };
    if (!['draft', 'scheduled', 'live'].includes(status))
        return { ok: false, code: 'MEETING_NOT_EDITABLE' };
    return ALLOWED;
}
/** A participant answers their own invitation once the meeting is scheduled, until it ends. */
function checkRespondInvitation(status, actor) {
    if (actor.meetingRole === null)
        return { ok: false, code: 'NOT_A_PARTICIPANT' };
    if (status !== 'scheduled' && status !== 'live')
        return { ok: false, code: 'MEETING_NOT_EDITABLE' };
    return ALLOWED;
}
/**
 * Agenda edits: the secretary before the meeting; while it is live the chair (who runs it) may add,
 * edit, reorder and remove items that have not started. Nothing changes after the meeting ends —
 * the agenda is part of the record.
 */
function checkEditAgenda(status, actor) {
    if (meeting_lifecycle_1.PREPARATION_STATUSES.includes(status)) {
        return hasRole(actor, 'secretary') ? ALLOWED : { ok: false, code: 'MEETING_ROLE_REQUIRED' };
    }
    if (status === 'live') {
        return hasRole(actor, 'chair') ? ALLOWED : { ok: false, code: 'MEETING_ROLE_REQUIRED' };
    }
    return { ok: false, code: 'MEETING_NOT_EDITABLE' };
}
/**
 * An item that has started (active, done, or begun and left when the chair went back — pending
 * with a `startedAt`) keeps its place in the record: it cannot be removed.
 */
function checkRemoveAgendaItem(itemStatus, startedAt = null) {
    return itemStatus === 'active' || itemStatus === 'done' || startedAt !== null
        ? { ok: false, code: 'AGENDA_ITEM_STARTED' }
        : ALLOWED;
}
/** `skipped` ↔ `pending` only; active/done items move through setCurrent. */
function checkSetAgendaItemStatus(current, next) {
    if (current === next)
        return ALLOWED;
    return current === 'pending' || current === 'skipped'
        ? ALLOWED
        : { ok: false, code: 'AGENDA_ITEM_STARTED' };
}
/** The current item is the chair's: only while the meeting is live. */
function checkSetCurrentItem(status, actor) {
    if (!hasRole(actor, 'chair'))
        return { ok: false, code: 'MEETING_ROLE_REQUIRED' };
    if (status !== 'live')
        return { ok: false, code: 'MEETING_NOT_LIVE' };
    return ALLOWED;
}
/** Delegates, the chair and the secretary vote and count for quorum; guests never do. */
function isVotingRole(role) {
    return role !== 'guest';
}
//# sourceMappingURL=meeting-permissions.js.map