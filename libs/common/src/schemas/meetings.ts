import { z } from 'zod';
import { saneDateTime, text, uuid } from './text';
import { UserSummarySchema } from './identity';

/** Loại cuộc họp: Đảng ủy (BCH), UBND, chuyên đề, khác. */
export const MEETING_KINDS = ['party_committee', 'people_committee', 'thematic', 'other'] as const;
export const MeetingKindSchema = z.enum(MEETING_KINDS);
export type MeetingKind = z.infer<typeof MeetingKindSchema>;

/** Lifecycle `draft → scheduled → live → ended → closed (minutes approved) → archived`. */
export const MEETING_STATUSES = ['draft', 'scheduled', 'live', 'ended', 'closed', 'archived'] as const;
export const MeetingStatusSchema = z.enum(MEETING_STATUSES);
export type MeetingStatus = z.infer<typeof MeetingStatusSchema>;

/** chủ trì, thư ký, đại biểu (votes, counts for quorum), khách mời (never votes or counts). */
export const MEETING_ROLES = ['chair', 'secretary', 'delegate', 'guest'] as const;
export const MeetingRoleSchema = z.enum(MEETING_ROLES);
export type MeetingRole = z.infer<typeof MeetingRoleSchema>;

export const INVITATION_STATUSES = ['pending', 'accepted', 'declined'] as const;
export const InvitationStatusSchema = z.enum(INVITATION_STATUSES);
export type InvitationStatus = z.infer<typeof InvitationStatusSchema>;

/** A client-made key (uuid) per command; a retry with the same key acts once. */
export const IdempotencyKeySchema = uuid();
/** REST commands take the key in this header (optional there; without it a retry may act twice). */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

export const MeetingSchema = z.object({
  id: uuid(),
  title: z.string(),
  kind: MeetingKindSchema,
  /** Đơn vị tổ chức. */
  organizerUnit: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  /** Phòng họp; null for an online-only meeting. */
  location: z.string().nullable(),
  online: z.boolean(),
  description: z.string(),
  status: MeetingStatusSchema,
  /** Seq of the last event in this meeting's log (0 before any). */
  lastSeq: z.number().int().nonnegative(),
  createdById: uuid(),
  createdAt: z.iso.datetime(),
});
export type Meeting = z.infer<typeof MeetingSchema>;

export const ParticipantSchema = z.object({
  userId: uuid(),
  user: UserSummarySchema,
  role: MeetingRoleSchema,
  invitation: InvitationStatusSchema,
  /** Lý do vắng, when declined. */
  declineReason: z.string().nullable(),
  respondedAt: z.iso.datetime().nullable(),
  addedAt: z.iso.datetime(),
});
export type Participant = z.infer<typeof ParticipantSchema>;

/** One row of "my meetings". `myRole` is null for a system admin who is not a participant. */
export const MeetingListItemSchema = MeetingSchema.extend({
  myRole: MeetingRoleSchema.nullable(),
  myInvitation: InvitationStatusSchema.nullable(),
  participantCount: z.number().int().nonnegative(),
  agendaItemCount: z.number().int().nonnegative(),
});
export type MeetingListItem = z.infer<typeof MeetingListItemSchema>;

const title = text({ min: 1, max: 300 });
const unit = text({ max: 160 });
const location = text({ min: 1, max: 200 }).nullable();
const description = text({ max: 10_000, multiline: true });

export const CreateMeetingRequestSchema = z
  .strictObject({
    title,
    kind: MeetingKindSchema,
    organizerUnit: unit.default(''),
    startsAt: saneDateTime(),
    endsAt: saneDateTime(),
    location: location.default(null),
    online: z.boolean().default(false),
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
export type CreateMeetingRequest = z.input<typeof CreateMeetingRequestSchema>;

/** Details only; the status moves through transitions. Times are checked against each other on the server. */
export const UpdateMeetingRequestSchema = z
  .strictObject({
    title: title.optional(),
    kind: MeetingKindSchema.optional(),
    organizerUnit: unit.optional(),
    startsAt: saneDateTime().optional(),
    endsAt: saneDateTime().optional(),
    location: location.optional(),
    online: z.boolean().optional(),
    description: description.optional(),
  })
  .refine((m) => Object.keys(m).length > 0, { message: 'nothing to change' });
export type UpdateMeetingRequest = z.infer<typeof UpdateMeetingRequestSchema>;

/** The details a `meeting.updated` event may carry. */
export type MeetingDetailsPatch = Partial<
  Pick<
    Meeting,
    'title' | 'kind' | 'organizerUnit' | 'startsAt' | 'endsAt' | 'location' | 'online' | 'description'
  >
>;

export const TransitionMeetingRequestSchema = z.strictObject({
  to: MeetingStatusSchema,
  /** Going live without quorum needs the chair's confirmation (recorded in the event). */
  confirmNoQuorum: z.boolean().optional(),
});
export type TransitionMeetingRequest = z.infer<typeof TransitionMeetingRequestSchema>;

export const AddParticipantRequestSchema = z.strictObject({
  userId: uuid(),
  role: MeetingRoleSchema,
});
export type AddParticipantRequest = z.infer<typeof AddParticipantRequestSchema>;

export const UpdateParticipantRequestSchema = z.strictObject({ role: MeetingRoleSchema });
export type UpdateParticipantRequest = z.infer<typeof UpdateParticipantRequestSchema>;

/** `POST /meetings/:id/chair` and `meeting.handOver`: who chairs from now on (a participant). */
export const HandOverChairRequestSchema = z.strictObject({ toUserId: uuid() });
export type HandOverChairRequest = z.infer<typeof HandOverChairRequestSchema>;

/** Accept, or decline with a reason (lý do vắng mặt). */
export const RespondInvitationRequestSchema = z
  .strictObject({
    response: z.enum(['accepted', 'declined']),
    reason: text({ min: 1, max: 500, multiline: true }).optional(),
  })
  .refine((r) => r.response === 'accepted' || r.reason !== undefined, {
    path: ['reason'],
    message: 'a reason is required to decline',
  })
  .refine((r) => r.response === 'declined' || r.reason === undefined, {
    path: ['reason'],
    message: 'only a decline has a reason',
  });
export type RespondInvitationRequest = z.infer<typeof RespondInvitationRequestSchema>;

export const MEETING_LIST_SCOPES = ['today', 'upcoming', 'past'] as const;
export const MeetingListQuerySchema = z.strictObject({
  scope: z.enum(MEETING_LIST_SCOPES).optional(),
  /** Meetings overlapping [from, to) — for the week/month calendar. */
  from: saneDateTime().optional(),
  to: saneDateTime().optional(),
  status: MeetingStatusSchema.optional(),
  /** Words in the title, organising unit or room; case, diacritics and Unicode form do not matter. */
  q: z.string().max(100).optional(),
});
export type MeetingListQuery = z.infer<typeof MeetingListQuerySchema>;

export const MeetingListResponseSchema = z.object({ items: z.array(MeetingListItemSchema) });
export type MeetingListResponse = z.infer<typeof MeetingListResponseSchema>;

/** People who may be added as participants (active users), searchable by name/username/unit. */
export const ParticipantCandidatesQuerySchema = z.strictObject({ q: text({ max: 100 }).optional() });
export const ParticipantCandidatesResponseSchema = z.object({ items: z.array(UserSummarySchema) });
export type ParticipantCandidatesResponse = z.infer<typeof ParticipantCandidatesResponseSchema>;
