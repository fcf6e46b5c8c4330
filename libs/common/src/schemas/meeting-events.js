"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MeetingPeopleResponseSchema = exports.MeetingPersonSchema = exports.MeetingRoomSnapshotSchema = exports.RoomParticipantSchema = exports.MeetingHandOverCommandSchema = exports.AgendaRemoveCommandSchema = exports.AgendaReorderCommandSchema = exports.AgendaUpdateCommandSchema = exports.AgendaAddCommandSchema = exports.AgendaSetCurrentCommandSchema = exports.MeetingEndCommandSchema = exports.MeetingStartCommandSchema = exports.MeetingLeaveCommandSchema = exports.MeetingJoinCommandSchema = exports.MeetingCommandBaseSchema = exports.MeetingEventsResponseSchema = exports.MeetingEventsQuerySchema = exports.MeetingDetailSchema = exports.MeetingSnapshotSchema = exports.MeetingEventSchema = exports.MEETING_EVENT_TYPES = exports.MeetingEventPayloadSchemas = void 0;
const zod_1 = require("zod");
const text_1 = require("./text");
const agenda_1 = require("./agenda");
const attendance_1 = require("./attendance");
const meetings_1 = require("./meetings");
const identity_1 = require("./identity");
const speakers_1 = require("./speakers");
/*
 * The meeting event log, as clients see it. Every accepted command appends exactly one event with
 * the next per-meeting `seq`; clients apply events in seq order (rules/event-stream.ts).
 *
 * Later domains (documents, attendance, speakers, polls, media, minutes) add their own event types
 * here — a payload schema, an entry in MeetingEventSchema and, when they change the snapshot, a
 * handler in rules/event-stream.ts. Clients ignore types they do not know but still advance seq.
 */
const meetingDetailsPatch = zod_1.z.object({
    title: zod_1.z.string().optional(),
    kind: meetings_1.MeetingKindSchema.optional(),
    organizerUnit: zod_1.z.string().optional(),
    startsAt: zod_1.z.iso.datetime().optional(),
    endsAt: zod_1.z.iso.datetime().optional(),
    location: zod_1.z.string().nullable().optional(),
    online: zod_1.z.boolean().optional(),
    description: zod_1.z.string().optional(),
});
const agendaItemPatch = zod_1.z.object({
    title: zod_1.z.string().optional(),
    description: zod_1.z.string().optional(),
    presenterId: (0, text_1.uuid)().nullable().optional(),
    plannedMinutes: zod_1.z.number().int().optional(),
    status: zod_1.z.enum(['pending', 'skipped']).optional(),
});
/** An item a meeting ended without finishing; `startedAt` set: begun, then left when the chair went back. */
const UndiscussedItemSchema = zod_1.z.object({
    id: zod_1.z.uuid(),
    position: zod_1.z.number().int().positive(),
    title: zod_1.z.string(),
    startedAt: zod_1.z.iso.datetime().nullable(),
});
/** Item ids in their new order (positions are 1..n in this order). */
const agendaOrder = zod_1.z.array((0, text_1.uuid)());
exports.MeetingEventPayloadSchemas = {
    'meeting.created': zod_1.z.object({ meeting: meetings_1.MeetingSchema, participants: zod_1.z.array(meetings_1.ParticipantSchema) }),
    'meeting.updated': zod_1.z.object({ changes: meetingDetailsPatch }),
    /**
     * `agenda`: items whose progress changed with the status (ending a meeting closes the current item).
     * `undiscussed` (only on `ended`): the items the meeting ended without finishing, for the minutes.
     */
    'meeting.statusChanged': zod_1.z.object({
        from: meetings_1.MeetingStatusSchema,
        to: meetings_1.MeetingStatusSchema,
        agenda: zod_1.z.array(agenda_1.AgendaItemProgressSchema),
        undiscussed: zod_1.z.array(UndiscussedItemSchema).optional(),
        /** Starting without quorum: the quorum at that moment and the chair's confirmation, for the record. */
        quorum: zod_1.z
            .object({
            counted: zod_1.z.number().int(),
            required: zod_1.z.number().int(),
            expected: zod_1.z.number().int(),
            reached: zod_1.z.boolean(),
            confirmedWithoutQuorum: zod_1.z.boolean(),
        })
            .optional(),
    }),
    'participant.added': zod_1.z.object({ participant: meetings_1.ParticipantSchema }),
    'participant.removed': zod_1.z.object({ userId: (0, text_1.uuid)() }),
    'participant.roleChanged': zod_1.z.object({ userId: (0, text_1.uuid)(), from: meetings_1.MeetingRoleSchema, role: meetings_1.MeetingRoleSchema }),
    /** The chair moved by an explicit handover: `fromUserIds` (the chairs until now) become delegates. */
    'participant.chairHandedOver': zod_1.z.object({
        fromUserIds: zod_1.z.array((0, text_1.uuid)()),
        toUserId: (0, text_1.uuid)(),
        toPreviousRole: meetings_1.MeetingRoleSchema,
    }),
    'participant.responded': zod_1.z.object({
        userId: (0, text_1.uuid)(),
        invitation: meetings_1.InvitationStatusSchema,
        declineReason: zod_1.z.string().nullable(),
        respondedAt: zod_1.z.iso.datetime(),
    }),
    'agenda.itemAdded': zod_1.z.object({ item: agenda_1.AgendaItemSchema, order: agendaOrder }),
    'agenda.itemUpdated': zod_1.z.object({ itemId: (0, text_1.uuid)(), changes: agendaItemPatch }),
    'agenda.itemRemoved': zod_1.z.object({ itemId: (0, text_1.uuid)(), order: agendaOrder }),
    'agenda.reordered': zod_1.z.object({ order: agendaOrder }),
    /**
     * `items`: the progress of every item that changed: the previous current item → done when the chair
     * moved forward (or closed it), → pending with its startedAt kept when the chair went back; the new → active.
     */
    'agenda.currentChanged': zod_1.z.object({
        itemId: (0, text_1.uuid)().nullable(),
        previousItemId: (0, text_1.uuid)().nullable(),
        items: zod_1.z.array(agenda_1.AgendaItemProgressSchema),
    }),
    /** A person's attendance record changed (check-in, the secretary's mark or correction, a proxy). */
    'attendance.marked': zod_1.z.object({
        record: attendance_1.AttendanceRecordSchema,
        /** Their status before (null: they had not checked in). */
        previousStatus: attendance_1.AttendanceStatusSchema.nullable(),
    }),
    'attendance.configured': zod_1.z.object({ settings: attendance_1.AttendanceSettingsSchema }),
    /** Someone asked for the floor (or the chair put them on the list). */
    'speaker.requested': zod_1.z.object({ speaker: speakers_1.SpeakerSchema }),
    'speaker.withdrawn': zod_1.z.object({ speakerId: zod_1.z.uuid(), at: zod_1.z.iso.datetime() }),
    'speaker.removed': zod_1.z.object({ speakerId: zod_1.z.uuid(), at: zod_1.z.iso.datetime() }),
    /** The waiting requests of an item, in their new order (positions 1..n). */
    'speaker.reordered': zod_1.z.object({ agendaItemId: zod_1.z.uuid(), order: zod_1.z.array(zod_1.z.uuid()) }),
    /** The floor is given: the start instant and the limit travel once; screens count down themselves. */
    'speaker.granted': zod_1.z.object({
        speakerId: zod_1.z.uuid(),
        startedAt: zod_1.z.iso.datetime(),
        limitSeconds: zod_1.z.number().int(),
    }),
    'speaker.ended': zod_1.z.object({ speakerId: zod_1.z.uuid(), endedAt: zod_1.z.iso.datetime() }),
    'speaker.configured': zod_1.z.object({
        defaultLimitSeconds: zod_1.z.number().int(),
        item: speakers_1.SpeakerItemSettingsSchema.nullable(),
    }),
};
exports.MEETING_EVENT_TYPES = Object.keys(exports.MeetingEventPayloadSchemas);
const envelope = (type) => zod_1.z.object({
    meetingId: (0, text_1.uuid)(),
    seq: zod_1.z.number().int().positive(),
    type: zod_1.z.literal(type),
    payload: exports.MeetingEventPayloadSchemas[type],
    /** Null for events the system made (none yet; reserved for timers and imports). */
    actorId: (0, text_1.uuid)().nullable(),
    at: zod_1.z.iso.datetime(),
});
exports.MeetingEventSchema = zod_1.z.discriminatedUnion('type', [
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
]);
/** The whole state of a meeting room at `seq`. Later domains add their slices here. */
exports.MeetingSnapshotSchema = zod_1.z.object({
    meeting: meetings_1.MeetingSchema,
    participants: zod_1.z.array(meetings_1.ParticipantSchema),
    /** Ordered by position. */
    agenda: zod_1.z.array(agenda_1.AgendaItemSchema),
    attendance: attendance_1.AttendanceStateSchema,
    speakers: speakers_1.SpeakersStateSchema,
    seq: zod_1.z.number().int().nonnegative(),
    /** User ids with at least one socket in the room (ephemeral, not in the log). */
    online: zod_1.z.array((0, text_1.uuid)()),
});
/** GET /meetings/:id — the snapshot without presence, plus the caller's role. */
exports.MeetingDetailSchema = exports.MeetingSnapshotSchema.omit({ online: true }).extend({
    myRole: meetings_1.MeetingRoleSchema.nullable(),
});
exports.MeetingEventsQuerySchema = zod_1.z.strictObject({
    /** Events with seq > sinceSeq. */
    sinceSeq: (0, text_1.queryInt)({ min: 0, max: Number.MAX_SAFE_INTEGER }).default(0),
    limit: (0, text_1.queryInt)({ min: 1, max: 1000 }).default(1000),
});
exports.MeetingEventsResponseSchema = zod_1.z.object({
    events: zod_1.z.array(exports.MeetingEventSchema),
    /** The meeting's last seq now. */
    seq: zod_1.z.number().int().nonnegative(),
});
// ---- socket commands (client → server) -------------------------------------------------------
/** Every mutating command names its meeting and carries a fresh idempotency key (a uuid). */
exports.MeetingCommandBaseSchema = zod_1.z.strictObject({
    meetingId: (0, text_1.uuid)(),
    idempotencyKey: meetings_1.IdempotencyKeySchema,
});
exports.MeetingJoinCommandSchema = zod_1.z.strictObject({
    meetingId: (0, text_1.uuid)(),
    /** The last seq the client applied; omit for a fresh snapshot. */
    sinceSeq: zod_1.z.number().int().min(0).optional(),
});
exports.MeetingLeaveCommandSchema = zod_1.z.strictObject({ meetingId: (0, text_1.uuid)() });
exports.MeetingStartCommandSchema = exports.MeetingCommandBaseSchema.extend({
    /** The chair confirms starting although the quorum is not reached (recorded in the event). */
    confirmNoQuorum: zod_1.z.boolean().optional(),
});
exports.MeetingEndCommandSchema = exports.MeetingCommandBaseSchema;
exports.AgendaSetCurrentCommandSchema = exports.MeetingCommandBaseSchema.extend(agenda_1.SetCurrentAgendaItemFieldsSchema.shape);
exports.AgendaAddCommandSchema = exports.MeetingCommandBaseSchema.extend(agenda_1.AddAgendaItemFieldsSchema.shape);
exports.AgendaUpdateCommandSchema = exports.MeetingCommandBaseSchema.extend({
    itemId: (0, text_1.uuid)(),
    ...agenda_1.UpdateAgendaItemFieldsSchema.shape,
});
exports.AgendaReorderCommandSchema = exports.MeetingCommandBaseSchema.extend(agenda_1.ReorderAgendaFieldsSchema.shape);
exports.AgendaRemoveCommandSchema = exports.MeetingCommandBaseSchema.extend({ itemId: (0, text_1.uuid)() });
/** The chair hands the chair to another participant (the only way it changes while live). */
exports.MeetingHandOverCommandSchema = exports.MeetingCommandBaseSchema.extend(meetings_1.HandOverChairRequestSchema.shape);
// ---- the compact room snapshot (scale, issue 11) ----------------------------------------------
/**
 * A participant as `meeting.join` carries it: who, in which role, and what changes live. The
 * person's directory details (`user`, `addedAt`) come once from `GET /meetings/:id/people`, so a join
 * answer of a hall of 1,000 does not carry the whole directory.
 */
exports.RoomParticipantSchema = meetings_1.ParticipantSchema.omit({ user: true, addedAt: true });
/** The snapshot `meeting.join` answers: `MeetingSnapshot` with compact participants. */
exports.MeetingRoomSnapshotSchema = exports.MeetingSnapshotSchema.extend({
    participants: zod_1.z.array(exports.RoomParticipantSchema),
});
/** One participant's directory details (what the compact snapshot leaves out). */
exports.MeetingPersonSchema = zod_1.z.object({
    userId: (0, text_1.uuid)(),
    user: identity_1.UserSummarySchema,
    addedAt: zod_1.z.iso.datetime(),
});
/** `GET /meetings/:id/people` (with an ETag; `If-None-Match` answers 304 when nothing changed). */
exports.MeetingPeopleResponseSchema = zod_1.z.object({ people: zod_1.z.array(exports.MeetingPersonSchema) });
//# sourceMappingURL=meeting-events.js.map