"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const meeting_permissions_1 = require("./meeting-permissions");
const as = (meetingRole, systemRole = 'member') => ({
    systemRole,
    meetingRole,
});
const secretary = as('secretary');
const chair = as('chair');
const admin = as(null, 'admin');
describe('meeting roles: who may give which role when', () => {
    it('lets the secretary set any role while the meeting is a draft', () => {
        expect((0, meeting_permissions_1.checkChangeRole)('draft', secretary, { from: 'delegate', to: 'chair' }).ok).toBe(true);
    });
    it('stops a secretary from making a delegate secretary, or themself chair, once scheduled', () => {
        expect((0, meeting_permissions_1.checkChangeRole)('scheduled', secretary, { from: 'delegate', to: 'secretary' })).toEqual({
            ok: false,
            code: 'MEETING_ROLE_REQUIRED',
        });
        expect((0, meeting_permissions_1.checkChangeRole)('live', secretary, { from: 'secretary', to: 'chair' })).toEqual({
            ok: false,
            code: 'MEETING_ROLE_REQUIRED',
        });
        expect((0, meeting_permissions_1.checkManageLeadingParticipant)('scheduled', secretary, 'chair').ok).toBe(false);
    });
    it('still lets the secretary switch delegates and guests (latecomers)', () => {
        expect((0, meeting_permissions_1.checkChangeRole)('live', secretary, { from: 'guest', to: 'delegate' }).ok).toBe(true);
    });
    it('lets the chair or an admin change leading roles once scheduled', () => {
        expect((0, meeting_permissions_1.checkChangeRole)('scheduled', chair, { from: 'delegate', to: 'secretary' }).ok).toBe(true);
        expect((0, meeting_permissions_1.checkChangeRole)('scheduled', admin, { from: 'delegate', to: 'chair' }).ok).toBe(true);
    });
    it('moves the chair of a live meeting only by handover, even for an admin', () => {
        for (const actor of [chair, admin]) {
            expect((0, meeting_permissions_1.checkChangeRole)('live', actor, { from: 'delegate', to: 'chair' })).toEqual({
                ok: false,
                code: 'CHAIR_HANDOVER_REQUIRED',
            });
            expect((0, meeting_permissions_1.checkChangeRole)('live', actor, { from: 'chair', to: 'delegate' }).ok).toBe(false);
            expect((0, meeting_permissions_1.checkManageLeadingParticipant)('live', actor, 'chair')).toEqual({
                ok: false,
                code: 'CHAIR_HANDOVER_REQUIRED',
            });
        }
        expect((0, meeting_permissions_1.checkHandOverChair)('live', chair).ok).toBe(true);
        expect((0, meeting_permissions_1.checkHandOverChair)('live', admin).ok).toBe(true);
        expect((0, meeting_permissions_1.checkHandOverChair)('live', secretary)).toEqual({ ok: false, code: 'MEETING_ROLE_REQUIRED' });
        expect((0, meeting_permissions_1.checkHandOverChair)('ended', chair)).toEqual({ ok: false, code: 'MEETING_NOT_EDITABLE' });
    });
});
//# sourceMappingURL=meeting-permissions.spec.js.map