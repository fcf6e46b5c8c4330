"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SpeakerConfigureCommandSchema = exports.SpeakerEndCommandSchema = exports.SpeakerGrantCommandSchema = exports.SpeakerReorderCommandSchema = exports.SpeakerRemoveCommandSchema = exports.SpeakerWithdrawCommandSchema = exports.SpeakerAddCommandSchema = exports.SpeakerRequestCommandSchema = exports.EMPTY_SPEAKERS_STATE = exports.SpeakersStateSchema = exports.DEFAULT_SPEAKING_LIMIT_SECONDS = exports.SpeakerItemSettingsSchema = exports.SpeakerSchema = exports.SpeakerStatusSchema = exports.SPEAKER_STATUSES = exports.SpeechKindSchema = exports.SPEECH_KINDS = void 0;
const zod_1 = require("zod");
const meetings_1 = require("./meetings");
const text_1 = require("./text");
/*
 * The list of speakers (đăng ký phát biểu), per agenda item. Every change is a command on the
 * meeting log; a speech's start instant and time limit travel once in `speaker.granted`, and every
 * screen counts down against the server's clock (no per-second broadcasts).
 */
/** ý kiến, tán thành, phản đối, chất vấn, kiến nghị về thủ tục (goes to the top of the list). */
exports.SPEECH_KINDS = ['opinion', 'support', 'oppose', 'question', 'point_of_order'];
exports.SpeechKindSchema = zod_1.z.enum(exports.SPEECH_KINDS);
exports.SPEAKER_STATUSES = ['waiting', 'speaking', 'done', 'withdrawn', 'removed'];
exports.SpeakerStatusSchema = zod_1.z.enum(exports.SPEAKER_STATUSES);
exports.SpeakerSchema = zod_1.z.object({
    id: (0, text_1.uuid)(),
    agendaItemId: (0, text_1.uuid)(),
    userId: (0, text_1.uuid)(),
    kind: exports.SpeechKindSchema,
    status: exports.SpeakerStatusSchema,
    /** Order among the waiting (points of order always come first, then by position). */
    position: zod_1.z.number().int(),
    /** This speaker's own limit; null: the item's, else the meeting's. */
    limitSeconds: zod_1.z.number().int().nullable(),
    requestedAt: zod_1.z.iso.datetime(),
    /** Null: they asked themself; else who put them on the list (the chair). */
    addedById: (0, text_1.uuid)().nullable(),
    startedAt: zod_1.z.iso.datetime().nullable(),
    endedAt: zod_1.z.iso.datetime().nullable(),
});
exports.SpeakerItemSettingsSchema = zod_1.z.object({
    agendaItemId: (0, text_1.uuid)(),
    /** Null: the meeting's default. */
    limitSeconds: zod_1.z.number().int().nullable(),
    /** The chair closed the list: nobody more may ask for the floor on this item. */
    closed: zod_1.z.boolean(),
});
exports.DEFAULT_SPEAKING_LIMIT_SECONDS = 300;
/** The speakers slice of the meeting snapshot. */
exports.SpeakersStateSchema = zod_1.z.object({
    defaultLimitSeconds: zod_1.z.number().int(),
    items: zod_1.z.array(exports.SpeakerItemSettingsSchema),
    /** Every request of the meeting, in the order they were made. */
    list: zod_1.z.array(exports.SpeakerSchema),
});
exports.EMPTY_SPEAKERS_STATE = {
    defaultLimitSeconds: exports.DEFAULT_SPEAKING_LIMIT_SECONDS,
    items: [],
    list: [],
};
const limit = zod_1.z.number().int().min(10).max(3600);
const Base = zod_1.z.strictObject({ meetingId: (0, text_1.uuid)(), idempotencyKey: meetings_1.IdempotencyKeySchema });
// ---- commands -----------------------------------------------------------------------------
/** Ask for the floor on the current agenda item. */
exports.SpeakerRequestCommandSchema = Base.extend({ kind: exports.SpeechKindSchema });
/** The chair puts someone on the list of the current item. */
exports.SpeakerAddCommandSchema = Base.extend({ userId: (0, text_1.uuid)(), kind: exports.SpeechKindSchema });
/** Withdraw one's own waiting request. */
exports.SpeakerWithdrawCommandSchema = Base.extend({ speakerId: (0, text_1.uuid)() });
/** The chair takes a waiting request off the list. */
exports.SpeakerRemoveCommandSchema = Base.extend({ speakerId: (0, text_1.uuid)() });
/** The chair orders the waiting requests of an item (all of them, in the new order). */
exports.SpeakerReorderCommandSchema = Base.extend({
    agendaItemId: (0, text_1.uuid)(),
    speakerIds: zod_1.z.array((0, text_1.uuid)()).max(500),
});
/** The chair gives the floor (optionally with this speaker's own limit). */
exports.SpeakerGrantCommandSchema = Base.extend({ speakerId: (0, text_1.uuid)(), limitSeconds: limit.optional() });
/** The chair ends the current speech. */
exports.SpeakerEndCommandSchema = Base.extend({ speakerId: (0, text_1.uuid)() });
/** The meeting's default limit, or an item's limit and whether its list is closed. */
exports.SpeakerConfigureCommandSchema = Base.extend({
    defaultLimitSeconds: limit.optional(),
    agendaItemId: (0, text_1.uuid)().optional(),
    itemLimitSeconds: limit.nullable().optional(),
    closed: zod_1.z.boolean().optional(),
}).refine((c) => c.agendaItemId !== undefined || (c.itemLimitSeconds === undefined && c.closed === undefined), {
    path: ['agendaItemId'],
    message: 'an item setting needs agendaItemId',
});
//# sourceMappingURL=speakers.js.map