"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const meetings_1 = require("../schemas/meetings");
const meeting_lifecycle_1 = require("./meeting-lifecycle");
const meeting_permissions_1 = require("./meeting-permissions");
const as = (meetingRole) => ({ systemRole: 'member', meetingRole });
const admin = { systemRole: 'admin', meetingRole: null };
describe('meeting lifecycle', () => {
    it('lists the allowed next statuses', () => {
        expect((0, meeting_lifecycle_1.nextStatuses)('draft')).toEqual(['scheduled']);
        expect((0, meeting_lifecycle_1.nextStatuses)('scheduled').sort()).toEqual(['draft', 'live']);
        expect((0, meeting_lifecycle_1.nextStatuses)('live')).toEqual(['ended']);
        expect((0, meeting_lifecycle_1.nextStatuses)('ended')).toEqual(['closed']);
        expect((0, meeting_lifecycle_1.nextStatuses)('closed')).toEqual(['archived']);
        expect((0, meeting_lifecycle_1.nextStatuses)('archived')).toEqual([]);
    });
    it.each([
        ['draft', 'scheduled', 'secretary'],
        ['scheduled', 'draft', 'secretary'],
        ['scheduled', 'live', 'chair'],
        ['live', 'ended', 'chair'],
        ['ended', 'closed', 'chair'],
        ['ended', 'closed', 'secretary'],
        ['closed', 'archived', 'secretary'],
    ])('%s → %s is allowed to the %s and to admins', (from, to, role) => {
        expect((0, meeting_lifecycle_1.checkTransition)(from, to, as(role))).toEqual({ ok: true });
        expect((0, meeting_lifecycle_1.checkTransition)(from, to, admin)).toEqual({ ok: true });
    });
    it.each([
        ['draft', 'scheduled', 'chair'],
        ['draft', 'scheduled', 'delegate'],
        ['scheduled', 'live', 'secretary'],
        ['scheduled', 'live', 'delegate'],
        ['live', 'ended', 'secretary'],
        ['live', 'ended', 'guest'],
        ['ended', 'closed', 'delegate'],
        ['closed', 'archived', 'chair'],
        ['scheduled', 'live', null],
    ])('%s → %s is refused to %s', (from, to, role) => {
        expect((0, meeting_lifecycle_1.checkTransition)(from, to, as(role))).toEqual({ ok: false, code: 'MEETING_ROLE_REQUIRED' });
    });
    it('refuses every transition not in the table, even to admins', () => {
        const allowed = new Set(meetings_1.MEETING_STATUSES.flatMap((f) => (0, meeting_lifecycle_1.nextStatuses)(f).map((t) => `${f}>${t}`)));
        for (const from of meetings_1.MEETING_STATUSES) {
            for (const to of meetings_1.MEETING_STATUSES) {
                if (allowed.has(`${from}>${to}`))
                    continue;
                expect((0, meeting_lifecycle_1.checkTransition)(from, to, admin)).toEqual({ ok: false, code: 'INVALID_TRANSITION' });
            }
        }
        expect(allowed.size).toBe(6);
    });
});
describe('meeting permissions', () => {
    it('shows a meeting to participants and admins only', () => {
        expect((0, meeting_permissions_1.canViewMeeting)(as('guest'))).toBe(true);
        expect((0, meeting_permissions_1.canViewMeeting)(admin)).toBe(true);
        expect((0, meeting_permissions_1.canViewMeeting)(as(null))).toBe(false);
    });
    it('lets the secretary edit details while preparing', () => {
        expect((0, meeting_permissions_1.checkEditDetails)('draft', as('secretary')).ok).toBe(true);
        expect((0, meeting_permissions_1.checkEditDetails)('scheduled', admin).ok).toBe(true);
        expect((0, meeting_permissions_1.checkEditDetails)('draft', as('chair'))).toEqual({ ok: false, code: 'MEETING_ROLE_REQUIRED' });
        expect((0, meeting_permissions_1.checkEditDetails)('live', as('secretary'))).toEqual({ ok: false, code: 'MEETING_NOT_EDITABLE' });
    });
    it('lets the secretary manage participants until the meeting ends', () => {
        expect((0, meeting_permissions_1.checkManageParticipants)('live', as('secretary')).ok).toBe(true);
        expect((0, meeting_permissions_1.checkManageParticipants)('ended', as('secretary'))).toEqual({
            ok: false,
            code: 'MEETING_NOT_EDITABLE',
        });
        expect((0, meeting_permissions_1.checkManageParticipants)('draft', as('delegate'))).toEqual({
            ok: false,
            code: 'MEETING_ROLE_REQUIRED',
        });
    });
    it('takes invitation answers from participants of scheduled or live meetings', () => {
        expect((0, meeting_permissions_1.checkRespondInvitation)('scheduled', as('guest')).ok).toBe(true);
        expect((0, meeting_permissions_1.checkRespondInvitation)('draft', as('delegate'))).toEqual({
            ok: false,
            code: 'MEETING_NOT_EDITABLE',
        });
        expect((0, meeting_permissions_1.checkRespondInvitation)('scheduled', admin)).toEqual({ ok: false, code: 'NOT_A_PARTICIPANT' });
    });
    it('gives the agenda to the secretary before and to the chair during the meeting', () => {
        expect((0, meeting_permissions_1.checkEditAgenda)('draft', as('secretary')).ok).toBe(true);
        expect((0, meeting_permissions_1.checkEditAgenda)('scheduled', as('chair'))).toEqual({ ok: false, code: 'MEETING_ROLE_REQUIRED' });
        expect((0, meeting_permissions_1.checkEditAgenda)('live', as('chair')).ok).toBe(true);
        expect((0, meeting_permissions_1.checkEditAgenda)('live', as('secretary'))).toEqual({ ok: false, code: 'MEETING_ROLE_REQUIRED' });
        expect((0, meeting_permissions_1.checkEditAgenda)('live', admin).ok).toBe(true);
        expect((0, meeting_permissions_1.checkEditAgenda)('ended', admin)).toEqual({ ok: false, code: 'MEETING_NOT_EDITABLE' });
    });
    it('sets the current item only for the chair of a live meeting', () => {
        expect((0, meeting_permissions_1.checkSetCurrentItem)('live', as('chair')).ok).toBe(true);
        expect((0, meeting_permissions_1.checkSetCurrentItem)('live', as('delegate'))).toEqual({ ok: false, code: 'MEETING_ROLE_REQUIRED' });
        expect((0, meeting_permissions_1.checkSetCurrentItem)('scheduled', as('chair'))).toEqual({ ok: false, code: 'MEETING_NOT_LIVE' });
    });
    it('keeps started items in the record', () => {
        expect((0, meeting_permissions_1.checkRemoveAgendaItem)('pending').ok).toBe(true);
        expect((0, meeting_permissions_1.checkRemoveAgendaItem)('skipped').ok).toBe(true);
        expect((0, meeting_permissions_1.checkRemoveAgendaItem)('active')).toEqual({ ok: false, code: 'AGENDA_ITEM_STARTED' });
        expect((0, meeting_permissions_1.checkRemoveAgendaItem)('done')).toEqual({ ok: false, code: 'AGENDA_ITEM_STARTED' });
        // Begun, then left when the chair went back: part of the record too.
        expect((0, meeting_permissions_1.checkRemoveAgendaItem)('pending', '2026-12-01T01:00:00.000Z')).toEqual({
            ok: false,
            code: 'AGENDA_ITEM_STARTED',
        });
        expect((0, meeting_permissions_1.checkSetAgendaItemStatus)('pending', 'skipped').ok).toBe(true);
        expect((0, meeting_permissions_1.checkSetAgendaItemStatus)('skipped', 'pending').ok).toBe(true);
        expect((0, meeting_permissions_1.checkSetAgendaItemStatus)('done', 'skipped')).toEqual({ ok: false, code: 'AGENDA_ITEM_STARTED' });
    });
    it('never lets guests vote', () => {
        expect((0, meeting_permissions_1.isVotingRole)('guest')).toBe(false);
        expect((0, meeting_permissions_1.isVotingRole)('delegate')).toBe(true);
    });
});
//# sourceMappingURL=meeting-lifecycle.spec.js.map