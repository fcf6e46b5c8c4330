import { z } from 'zod';
import { queryInt, uuid } from './text';
import {
  AddAgendaItemFieldsSchema,
  AgendaItemProgressSchema,
  AgendaItemSchema,
  ReorderAgendaFieldsSchema,
  SetCurrentAgendaItemFieldsSchema,
  UpdateAgendaItemFieldsSchema,
} from './agenda';
import {
  AttendanceRecordSchema,
  AttendanceSettingsSchema,
  AttendanceStateSchema,
  AttendanceStatusSchema,
} from './attendance';
import {
  HandOverChairRequestSchema,
  IdempotencyKeySchema,
  InvitationStatusSchema,
  MeetingKindSchema,
  MeetingRoleSchema,
  MeetingSchema,
  MeetingStatusSchema,
  ParticipantSchema,
} from './meetings';
import { SpeakerItemSettingsSchema, SpeakerSchema, SpeakersStateSchema } from './speakers';
import {
  NamedVoteSchema,
  PollQuorumSchema,
  PollResultSchema,
  PollSchema,
  PollsStateSchema,
  PollVoterSchema,
} from './polls';
import {
  DocumentAccessLevelSchema,
  DocumentFailureReasonSchema,
  DocumentKindSchema,
  DocumentsStateSchema,
  DocumentVersionSchema,
  DocumentVersionStatusSchema,
  MeetingDocumentSchema,
  PdfRemovedFeatureSchema,
} from './documents';
import { DocumentCommentsStateSchema, LoggedDocumentCommentSchema } from './document-notes';
import { PresentationSchema, PresentationStateSchema } from './presentation';

/*
 * The meeting event log, as clients see it. Every accepted command appends exactly one event with
 * the next per-meeting `seq`; clients apply events in seq order (rules/event-stream.ts).
 *
 * Later domains (documents, attendance, speakers, polls, media, minutes) add their own event types
 * here — a payload schema, an entry in MeetingEventSchema and, when they change the snapshot, a
 * handler in rules/event-stream.ts. Clients ignore types they do not know but still advance seq.
 */

const meetingDetailsPatch = z.object({
  title: z.string().optional(),
  kind: MeetingKindSchema.optional(),
  organizerUnit: z.string().optional(),
  startsAt: z.iso.datetime().optional(),
  endsAt: z.iso.datetime().optional(),
  location: z.string().nullable().optional(),
  online: z.boolean().optional(),
  description: z.string().optional(),
});

const agendaItemPatch = z.object({
  title: z.string().optional(),
  description: z.string().optional(),
  presenterId: uuid().nullable().optional(),
  plannedMinutes: z.number().int().optional(),
  status: z.enum(['pending', 'skipped']).optional(),
});

/** An item a meeting ended without finishing; `startedAt` set: begun, then left when the chair went back. */
const UndiscussedItemSchema = z.object({
  id: z.uuid(),
  position: z.number().int().positive(),
  title: z.string(),
  startedAt: z.iso.datetime().nullable(),
});

/** Item ids in their new order (positions are 1..n in this order). */
const agendaOrder = z.array(uuid());

export const MeetingEventPayloadSchemas = {
  'meeting.created': z.object({ meeting: MeetingSchema, participants: z.array(ParticipantSchema) }),
  'meeting.updated': z.object({ changes: meetingDetailsPatch }),
  /**
   * `agenda`: items whose progress changed with the status (ending a meeting closes the current item).
   * `undiscussed` (only on `ended`): the items the meeting ended without finishing, for the minutes.
   */
  'meeting.statusChanged': z.object({
    from: MeetingStatusSchema,
    to: MeetingStatusSchema,
    agenda: z.array(AgendaItemProgressSchema),
    undiscussed: z.array(UndiscussedItemSchema).optional(),
    /** Starting without quorum: the quorum at that moment and the chair's confirmation, for the record. */
    quorum: z
      .object({
        counted: z.number().int(),
        required: z.number().int(),
        expected: z.number().int(),
        reached: z.boolean(),
        confirmedWithoutQuorum: z.boolean(),
      })
      .optional(),
  }),
  'participant.added': z.object({ participant: ParticipantSchema }),
  'participant.removed': z.object({ userId: uuid() }),
  'participant.roleChanged': z.object({ userId: uuid(), from: MeetingRoleSchema, role: MeetingRoleSchema }),
  /** The chair moved by an explicit handover: `fromUserIds` (the chairs until now) become delegates. */
  'participant.chairHandedOver': z.object({
    fromUserIds: z.array(uuid()),
    toUserId: uuid(),
    toPreviousRole: MeetingRoleSchema,
  }),
  'participant.responded': z.object({
    userId: uuid(),
    invitation: InvitationStatusSchema,
    declineReason: z.string().nullable(),
    respondedAt: z.iso.datetime(),
  }),
  'agenda.itemAdded': z.object({ item: AgendaItemSchema, order: agendaOrder }),
  'agenda.itemUpdated': z.object({ itemId: uuid(), changes: agendaItemPatch }),
  'agenda.itemRemoved': z.object({ itemId: uuid(), order: agendaOrder }),
  'agenda.reordered': z.object({ order: agendaOrder }),
  /**
   * `items`: the progress of every item that changed: the previous current item → done when the chair
   * moved forward (or closed it), → pending with its startedAt kept when the chair went back; the new → active.
   */
  'agenda.currentChanged': z.object({
    itemId: uuid().nullable(),
    previousItemId: uuid().nullable(),
    items: z.array(AgendaItemProgressSchema),
  }),
  /** A person's attendance record changed (check-in, the secretary's mark or correction, a proxy). */
  'attendance.marked': z.object({
    record: AttendanceRecordSchema,
    /** Their status before (null: they had not checked in). */
    previousStatus: AttendanceStatusSchema.nullable(),
  }),
  'attendance.configured': z.object({ settings: AttendanceSettingsSchema }),
  /** Someone asked for the floor (or the chair put them on the list). */
  'speaker.requested': z.object({ speaker: SpeakerSchema }),
  'speaker.withdrawn': z.object({ speakerId: z.uuid(), at: z.iso.datetime() }),
  'speaker.removed': z.object({ speakerId: z.uuid(), at: z.iso.datetime() }),
  /** The waiting requests of an item, in their new order (positions 1..n). */
  'speaker.reordered': z.object({ agendaItemId: z.uuid(), order: z.array(z.uuid()) }),
  /** The floor is given: the start instant and the limit travel once; screens count down themselves. */
  'speaker.granted': z.object({
    speakerId: z.uuid(),
    startedAt: z.iso.datetime(),
    limitSeconds: z.number().int(),
  }),
  'speaker.ended': z.object({ speakerId: z.uuid(), endedAt: z.iso.datetime() }),
  'speaker.configured': z.object({
    defaultLimitSeconds: z.number().int(),
    item: SpeakerItemSettingsSchema.nullable(),
  }),
  // ---- voting (polls): docs/voting.md, docs/events/poll.*.md ----
  /** A poll was prepared (draft): the whole poll. */
  'poll.created': z.object({ poll: PollSchema }),
  /** A draft's definition was replaced: the whole poll as it is now. */
  'poll.updated': z.object({ poll: PollSchema }),
  /** A draft was deleted. */
  'poll.deleted': z.object({ pollId: uuid() }),
  /** The chair opened the poll: its voters (fixed now), the members count, the quorum, the timer. */
  'poll.opened': z.object({
    pollId: uuid(),
    openedAt: z.iso.datetime(),
    closesAt: z.iso.datetime().nullable(),
    members: z.number().int().nonnegative(),
    voters: z.array(PollVoterSchema),
    quorum: PollQuorumSchema,
  }),
  /** The secretary added a late arrival to an open poll. */
  'poll.voterAdded': z.object({ pollId: uuid(), voter: PollVoterSchema }),
  /**
   * The poll closed (the chair, or its timer: `byTimer`). Carries the result and
   * `ballotsHash = sha256(ballotsDigestText(ballots))`, which `poll:verify` recomputes.
   */
  'poll.closed': z.object({
    pollId: uuid(),
    closedAt: z.iso.datetime(),
    byTimer: z.boolean(),
    result: PollResultSchema,
    ballotsHash: z.string(),
  }),
  /** The chair published the result: every receipt (sorted) and, for a named poll, who voted what. */
  'poll.published': z.object({
    pollId: uuid(),
    publishedAt: z.iso.datetime(),
    receipts: z.array(z.string()),
    votes: z.array(NamedVoteSchema).nullable(),
  }),
  // ---- documents (issue 10) ----
  /** A document was uploaded: its metadata with its first version (status `converting` for Office files). */
  'document.added': z.object({ document: MeetingDocumentSchema }),
  /** A new version was uploaded; it becomes the current one (the old ones stay). */
  'document.versionAdded': z.object({ documentId: uuid(), version: DocumentVersionSchema }),
  /** Metadata changed (only the fields given). */
  'document.updated': z.object({
    documentId: uuid(),
    changes: z.object({
      title: z.string().optional(),
      kind: DocumentKindSchema.optional(),
      agendaItemId: uuid().nullable().optional(),
      accessLevel: DocumentAccessLevelSchema.optional(),
      readerIds: z.array(uuid()).optional(),
      commentDeadline: z.iso.datetime().nullable().optional(),
    }),
  }),
  /** Taken off the meeting (its versions stay stored for the record). */
  'document.removed': z.object({ documentId: uuid() }),
  /** A version's reading copy finished converting (`ready`) or could not be made (`failed`). */
  'document.statusChanged': z.object({
    documentId: uuid(),
    versionId: uuid(),
    status: DocumentVersionStatusSchema,
    failureReason: DocumentFailureReasonSchema.nullable(),
    pageCount: z.number().int().positive().nullable(),
    removed: z.array(PdfRemovedFeatureSchema),
  }),
  // document comments (docs-notes): the text stays in document_comments; the log holds its hash.
  /** A participant commented on a draft (góp ý dự thảo), on the whole document or one page. */
  'document.commented': z.object({ comment: LoggedDocumentCommentSchema }),
  /** The author withdrew their comment before the deadline (the comment stays, marked withdrawn). */
  'document.commentWithdrawn': z.object({ commentId: uuid(), documentId: uuid(), at: z.iso.datetime() }),
  // follow the presenter (issue 10, docs-web): each carries what is shown from then on, for the record
  'document.presented': z.object({ presentation: PresentationSchema }),
  'document.pageTurned': z.object({ presentation: PresentationSchema, fromPage: z.number().int() }),
  'document.presentationStopped': z.object({ documentId: uuid(), versionId: uuid(), page: z.number().int() }),
  // ---- document copies (issue 10) ----
  /**
   * Someone was handed a stamped copy to read: the whole PDF in the reader (`view`) or, for a
   * confidential document, one page image (`pages`, with the page). The actor is the reader.
   */
  'document.viewed': z.object({
    documentId: uuid(),
    versionId: uuid(),
    route: z.enum(['view', 'pages']),
    /** The page shown (1-based) for `pages`; null for `view`. */
    page: z.number().int().positive().nullable(),
  }),
  /** Someone downloaded a stamped copy (never for confidential documents). The actor is the reader. */
  'document.downloaded': z.object({ documentId: uuid(), versionId: uuid() }),
} as const;

type PayloadSchemas = typeof MeetingEventPayloadSchemas;
export type MeetingEventType = keyof PayloadSchemas;
export type MeetingEventPayloads = { [K in MeetingEventType]: z.infer<PayloadSchemas[K]> };
export const MEETING_EVENT_TYPES = Object.keys(MeetingEventPayloadSchemas) as MeetingEventType[];

const envelope = <K extends MeetingEventType>(type: K) =>
  z.object({
    meetingId: uuid(),
    seq: z.number().int().positive(),
    type: z.literal(type),
    payload: MeetingEventPayloadSchemas[type] as PayloadSchemas[K],
    /** Null for events the system made (none yet; reserved for timers and imports). */
    actorId: uuid().nullable(),
    at: z.iso.datetime(),
  });

export const MeetingEventSchema = z.discriminatedUnion('type', [
  envelope('meeting.created'),
  envelope('meeting.updated'),
  envelope('meeting.statusChanged'),
  envelope('participant.added'),
  envelope('participant.removed'),
  envelope('participant.roleChanged'),
  envelope('participant.chairHandedOver'),
  envelope('participant.responded'),
  envelope('agenda.itemAdded'),
  envelope('agenda.itemUpdated'),
  envelope('agenda.itemRemoved'),
  envelope('agenda.reordered'),
  envelope('agenda.currentChanged'),
  envelope('attendance.marked'),
  envelope('attendance.configured'),
  envelope('speaker.requested'),
  envelope('speaker.withdrawn'),
  envelope('speaker.removed'),
  envelope('speaker.reordered'),
  envelope('speaker.granted'),
  envelope('speaker.ended'),
  envelope('speaker.configured'),
  // voting (polls)
  envelope('poll.created'),
  envelope('poll.updated'),
  envelope('poll.deleted'),
  envelope('poll.opened'),
  envelope('poll.voterAdded'),
  envelope('poll.closed'),
  envelope('poll.published'),
  envelope('document.added'),
  envelope('document.versionAdded'),
  envelope('document.updated'),
  envelope('document.removed'),
  envelope('document.statusChanged'),
  // document comments (docs-notes)
  envelope('document.commented'),
  envelope('document.commentWithdrawn'),
  envelope('document.viewed'),
  envelope('document.downloaded'),
  // follow the presenter (issue 10, docs-web)
  envelope('document.presented'),
  envelope('document.pageTurned'),
  envelope('document.presentationStopped'),
]);
export type MeetingEvent = z.infer<typeof MeetingEventSchema>;
/** One event of a given type, e.g. `MeetingEventOf<'agenda.reordered'>`. */
export type MeetingEventOf<K extends MeetingEventType> = Extract<MeetingEvent, { type: K }>;

/** The whole state of a meeting room at `seq`. Later domains add their slices here. */
export const MeetingSnapshotSchema = z.object({
  meeting: MeetingSchema,
  participants: z.array(ParticipantSchema),
  /** Ordered by position. */
  agenda: z.array(AgendaItemSchema),
  attendance: AttendanceStateSchema,
  speakers: SpeakersStateSchema,
  /** Voting: every poll of the meeting (nothing per user: see `poll.mine`). */
  polls: PollsStateSchema,
  /**
   * Live documents' metadata, the same for every participant (the snapshot is shared per seq);
   * content routes check `canReadDocument` for each reader (docs/documents.md).
   */
  documents: DocumentsStateSchema,
  /** docs-notes: how many comments (not withdrawn) each document has; the texts are read over REST. */
  documentComments: DocumentCommentsStateSchema,
  /** What is being presented now (follow the presenter); null: nothing. */
  presentation: PresentationStateSchema,
  seq: z.number().int().nonnegative(),
  /** How many users have at least one socket in the room (ephemeral, not in the log). */
  onlineCount: z.number().int().nonnegative(),
  /**
   * Who they are, while this client watches presence (`presence.watch`); empty otherwise. A hall of
   * 1,000 does not send every tablet every arrival: most screens need the count only.
   */
  online: z.array(uuid()),
});
export type MeetingSnapshot = z.infer<typeof MeetingSnapshotSchema>;

/** GET /meetings/:id — the snapshot without presence, plus the caller's role. */
export const MeetingDetailSchema = MeetingSnapshotSchema.omit({ online: true, onlineCount: true }).extend({
  myRole: MeetingRoleSchema.nullable(),
});
export type MeetingDetail = z.infer<typeof MeetingDetailSchema>;

export const MeetingEventsQuerySchema = z.strictObject({
  /** Events with seq > sinceSeq. */
  sinceSeq: queryInt({ min: 0, max: Number.MAX_SAFE_INTEGER }).default(0),
  limit: queryInt({ min: 1, max: 1000 }).default(1000),
});
export type MeetingEventsQuery = z.infer<typeof MeetingEventsQuerySchema>;

export const MeetingEventsResponseSchema = z.object({
  events: z.array(MeetingEventSchema),
  /** The meeting's last seq now. */
  seq: z.number().int().nonnegative(),
});
export type MeetingEventsResponse = z.infer<typeof MeetingEventsResponseSchema>;

// ---- socket commands (client → server) -------------------------------------------------------

/** Every mutating command names its meeting and carries a fresh idempotency key (a uuid). */
export const MeetingCommandBaseSchema = z.strictObject({
  meetingId: uuid(),
  idempotencyKey: IdempotencyKeySchema,
});

export const MeetingJoinCommandSchema = z.strictObject({
  meetingId: uuid(),
  /** The last seq the client applied; omit for a fresh snapshot. */
  sinceSeq: z.number().int().min(0).optional(),
});
export type MeetingJoinCommand = z.infer<typeof MeetingJoinCommandSchema>;

export const MeetingLeaveCommandSchema = z.strictObject({ meetingId: uuid() });
export type MeetingLeaveCommand = z.infer<typeof MeetingLeaveCommandSchema>;

/** `presence.watch` / `presence.unwatch`: start or stop getting who is in a joined room, not only how many. */
export const PresenceWatchCommandSchema = z.strictObject({ meetingId: uuid() });
export type PresenceWatchCommand = z.infer<typeof PresenceWatchCommandSchema>;

/** Ack of `presence.watch`: who is in the room now; `presence.changed` deltas follow. */
export interface PresenceWatchResult {
  online: string[];
  count: number;
}

export const MeetingStartCommandSchema = MeetingCommandBaseSchema.extend({
  /** The chair confirms starting although the quorum is not reached (recorded in the event). */
  confirmNoQuorum: z.boolean().optional(),
});
export type MeetingStartCommand = z.infer<typeof MeetingStartCommandSchema>;
export const MeetingEndCommandSchema = MeetingCommandBaseSchema;
export type MeetingEndCommand = z.infer<typeof MeetingEndCommandSchema>;

export const AgendaSetCurrentCommandSchema = MeetingCommandBaseSchema.extend(
  SetCurrentAgendaItemFieldsSchema.shape,
);
export type AgendaSetCurrentCommand = z.infer<typeof AgendaSetCurrentCommandSchema>;

export const AgendaAddCommandSchema = MeetingCommandBaseSchema.extend(AddAgendaItemFieldsSchema.shape);
export type AgendaAddCommand = z.input<typeof AgendaAddCommandSchema>;

export const AgendaUpdateCommandSchema = MeetingCommandBaseSchema.extend({
  itemId: uuid(),
  ...UpdateAgendaItemFieldsSchema.shape,
});
export type AgendaUpdateCommand = z.infer<typeof AgendaUpdateCommandSchema>;

export const AgendaReorderCommandSchema = MeetingCommandBaseSchema.extend(ReorderAgendaFieldsSchema.shape);
export type AgendaReorderCommand = z.infer<typeof AgendaReorderCommandSchema>;

export const AgendaRemoveCommandSchema = MeetingCommandBaseSchema.extend({ itemId: uuid() });
export type AgendaRemoveCommand = z.infer<typeof AgendaRemoveCommandSchema>;

/** The chair hands the chair to another participant (the only way it changes while live). */
export const MeetingHandOverCommandSchema = MeetingCommandBaseSchema.extend(HandOverChairRequestSchema.shape);
export type MeetingHandOverCommand = z.infer<typeof MeetingHandOverCommandSchema>;

/**
 * Ack of `meeting.join`: the room snapshot (everything but the participants, which come from
 * `GET /meetings/:id/roster`), or the events after `sinceSeq` (in order) when still in the log.
 */
export type MeetingJoinResult =
  | { kind: 'snapshot'; snapshot: MeetingRoomSnapshot }
  /** `onlineCount`: how many are in the room now (counts sent while the client was away are not replayed). */
  | { kind: 'events'; events: MeetingEvent[]; seq: number; onlineCount: number };

/** Ack of every mutating command: the event it appended (also broadcast on `meeting.event`). */
export interface MeetingCommandResult {
  event: MeetingEvent;
}

/**
 * Server → the sockets that watch a room's presence (`presence.watch`), ephemeral (not logged): who
 * came into and who left the meeting room since the last update (coalesced, a few a second at
 * most), and how many are in it now. The watch's answer carries the whole list once; clients apply
 * these deltas to it (`applyPresenceDelta`).
 */
export interface PresenceChanged {
  meetingId: string;
  /** User ids with a socket in the room now (newly, or again). */
  joined: string[];
  /** User ids with no socket in the room any more. */
  left: string[];
  /** How many users are in the room now. */
  count: number;
}

/** Server → every socket of a room, ephemeral: how many users are in it now (sent with each presence update). */
export interface PresenceCount {
  meetingId: string;
  count: number;
}

// ---- the room snapshot and the roster (scale, issue 11) ---------------------------------------

/**
 * The snapshot `meeting.join` answers: `MeetingSnapshot` without its participants and without the
 * online list (its count only), so a join answer does not grow with the meeting (a congress of
 * 1,000, a conference of 5,000). Who is online comes from `presence.watch`, for screens that show it. The participants —
 * who, in which role, invitation, names and titles — come from `GET /meetings/:id/roster`, fetched
 * after the join and kept with its ETag (a rejoin usually gets a bodyless 304). `withRoster`
 * (libs/common) puts the two together; docs/events/meeting.join.md says why that is exact.
 */
export const MeetingRoomSnapshotSchema = MeetingSnapshotSchema.omit({ participants: true, online: true });
export type MeetingRoomSnapshot = z.infer<typeof MeetingRoomSnapshotSchema>;

/**
 * `GET /meetings/:id/roster` (a room display: `GET /displays/roster`): the meeting's participants as
 * of the meeting's last seq when read — never older than a join answered before the request. With
 * an ETag; `If-None-Match` answers a bodyless 304 while they are unchanged.
 */
export const MeetingRosterResponseSchema = z.object({ participants: z.array(ParticipantSchema) });
export type MeetingRosterResponse = z.infer<typeof MeetingRosterResponseSchema>;
