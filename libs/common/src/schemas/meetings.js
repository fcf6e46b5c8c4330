"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ParticipantCandidatesResponseSchema = exports.ParticipantCandidatesQuerySchema = exports.MeetingListResponseSchema = exports.MeetingListQuerySchema = exports.MEETING_LIST_SCOPES = exports.RespondInvitationRequestSchema = exports.HandOverChairRequestSchema = exports.UpdateParticipantRequestSchema = exports.AddParticipantRequestSchema = exports.TransitionMeetingRequestSchema = exports.UpdateMeetingRequestSchema = exports.CreateMeetingRequestSchema = exports.MeetingListItemSchema = exports.ParticipantSchema = exports.MeetingSchema = exports.IDEMPOTENCY_KEY_HEADER = exports.IdempotencyKeySchema = exports.InvitationStatusSchema = exports.INVITATION_STATUSES = exports.MeetingRoleSchema = exports.MEETING_ROLES = exports.MeetingStatusSchema = exports.MEETING_STATUSES = exports.MeetingKindSchema = exports.MEETING_KINDS = void 0;
const zod_1 = require("zod");
const text_1 = require("./text");
const identity_1 = require("./identity");
/** Loại cuộc họp: Đảng ủy (BCH), UBND, chuyên đề, khác. */
exports.MEETING_KINDS = ['party_committee', 'people_committee', 'thematic', 'other'];
exports.MeetingKindSchema = zod_1.z.enum(exports.MEETING_KINDS);
/** Lifecycle `draft → scheduled → live → ended → closed (minutes approved) → archived`. */
exports.MEETING_STATUSES = ['draft', 'scheduled', 'live', 'ended', 'closed', 'archived'];
exports.MeetingStatusSchema = zod_1.z.enum(exports.MEETING_STATUSES);
/** chủ trì, thư ký, đại biểu (votes, counts for quorum), khách mời (never votes or counts). */
exports.MEETING_ROLES = ['chair', 'secretary', 'delegate', 'guest'];
exports.MeetingRoleSchema = zod_1.z.enum(exports.MEETING_ROLES);
exports.INVITATION_STATUSES = ['pending', 'accepted', 'declined'];
exports.InvitationStatusSchema = zod_1.z.enum(exports.INVITATION_STATUSES);
/** A client-made key (uuid) per command; a retry with the same key acts once. */
exports.IdempotencyKeySchema = (0, text_1.uuid)();
/** REST commands take the key in this header (optional there; without it a retry may act twice). */
exports.IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
exports.MeetingSchema = zod_1.z.object({
    id: (0, text_1.uuid)(),
    title: zod_1.z.string(),
    kind: exports.MeetingKindSchema,
    /** Đơn vị tổ chức. */
    organizerUnit: zod_1.z.string(),
    startsAt: zod_1.z.iso.datetime(),
    endsAt: zod_1.z.iso.datetime(),
    /** Phòng họp; null for an online-only meeting. */
    location: zod_1.z.string().nullable(),
    online: zod_1.z.boolean(),
    description: zod_1.z.string(),
    status: exports.MeetingStatusSchema,
    /** Seq of the last event in this meeting's log (0 before any). */
    lastSeq: zod_1.z.number().int().nonnegative(),
    createdById: (0, text_1.uuid)(),
    createdAt: zod_1.z.iso.datetime(),
});
exports.ParticipantSchema = zod_1.z.object({
    userId: (0, text_1.uuid)(),
    user: identity_1.UserSummarySchema,
    role: exports.MeetingRoleSchema,
    invitation: exports.InvitationStatusSchema,
    /** Lý do vắng, when declined. */
    declineReason: zod_1.z.string().nullable(),
    respondedAt: zod_1.z.iso.datetime().nullable(),
    addedAt: zod_1.z.iso.datetime(),
});
/** One row of "my meetings". `myRole` is null for a system admin who is not a participant. */
exports.MeetingListItemSchema = exports.MeetingSchema.extend({
    myRole: exports.MeetingRoleSchema.nullable(),
    myInvitation: exports.InvitationStatusSchema.nullable(),
    participantCount: zod_1.z.number().int().nonnegative(),
    agendaItemCount: zod_1.z.number().int().nonnegative(),
});
const title = (0, text_1.text)({ min: 1, max: 300 });
const unit = (0, text_1.text)({ max: 160 });
const location = (0, text_1.text)({ min: 1, max: 200 }).nullable();
const description = (0, text_1.text)({ max: 10_000, multiline: true });
exports.CreateMeetingRequestSchema = zod_1.z
    .strictObject({
    title,
    kind: exports.MeetingKindSchema,
    organizerUnit: unit.default(''),
    startsAt: (0, text_1.saneDateTime)(),
    endsAt: (0, text_1.saneDateTime)(),
    location: location.default(null),
    online: zod_1.z.boolean().default(false),
    description: description.default(''),
})
    .refine((m) => Date.parse(m.endsAt) > Date.parse(m.startsAt), {
    path: ['endsAt'],
    message: 'endsAt must be after startsAt',
})
    .refine((m) => m.location !== null || m.online, {
    path: ['location'],
    message: 'a meeting needs a room or must be online',
});
/** Details only; the status moves through transitions. Times are checked against each other on the server. */
exports.UpdateMeetingRequestSchema = zod_1.z
    .strictObject({
    title: title.optional(),
    kind: exports.MeetingKindSchema.optional(),
    organizerUnit: unit.optional(),
    startsAt: (0, text_1.saneDateTime)().optional(),
    endsAt: (0, text_1.saneDateTime)().optional(),
    location: location.optional(),
    online: zod_1.z.boolean().optional(),
    description: description.optional(),
})
    .refine((m) => Object.keys(m).length > 0, { message: 'nothing to change' });
exports.TransitionMeetingRequestSchema = zod_1.z.strictObject({
    to: exports.MeetingStatusSchema,
    /** Going live without quorum needs the chair's confirmation (recorded in the event). */
    confirmNoQuorum: zod_1.z.boolean().optional(),
});
exports.AddParticipantRequestSchema = zod_1.z.strictObject({
    userId: (0, text_1.uuid)(),
    role: exports.MeetingRoleSchema,
});
exports.UpdateParticipantRequestSchema = zod_1.z.strictObject({ role: exports.MeetingRoleSchema });
/** `POST /meetings/:id/chair` and `meeting.handOver`: who chairs from now on (a participant). */
exports.HandOverChairRequestSchema = zod_1.z.strictObject({ toUserId: (0, text_1.uuid)() });
/** Accept, or decline with a reason (lý do vắng mặt). */
exports.RespondInvitationRequestSchema = zod_1.z
    .strictObject({
    response: zod_1.z.enum(['accepted', 'declined']),
    reason: (0, text_1.text)({ min: 1, max: 500, multiline: true }).optional(),
})
    .refine((r) => r.response === 'accepted' || r.reason !== undefined, {
    path: ['reason'],
    message: 'a reason is required to decline',
})
    .refine((r) => r.response === 'declined' || r.reason === undefined, {
    path: ['reason'],
    message: 'only a decline has a reason',
});
exports.MEETING_LIST_SCOPES = ['today', 'upcoming', 'past'];
exports.MeetingListQuerySchema = zod_1.z.strictObject({
    scope: zod_1.z.enum(exports.MEETING_LIST_SCOPES).optional(),
    /** Meetings overlapping [from, to) — for the week/month calendar. */
    from: (0, text_1.saneDateTime)().optional(),
    to: (0, text_1.saneDateTime)().optional(),
    status: exports.MeetingStatusSchema.optional(),
    /** Words in the title, organising unit or room; case, diacritics and Unicode form do not matter. */
    q: zod_1.z.string().max(100).optional(),
});
exports.MeetingListResponseSchema = zod_1.z.object({ items: zod_1.z.array(exports.MeetingListItemSchema) });
/** People who may be added as participants (active users), searchable by name/username/unit. */
exports.ParticipantCandidatesQuerySchema = zod_1.z.strictObject({ q: (0, text_1.text)({ max: 100 }).optional() });
exports.ParticipantCandidatesResponseSchema = zod_1.z.object({ items: zod_1.z.array(identity_1.UserSummarySchema) });
//# sourceMappingURL=meetings.js.map