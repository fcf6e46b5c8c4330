"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkInPath = exports.QrCheckInRequestSchema = exports.CheckInQrSchema = exports.AttendanceConfigureCommandSchema = exports.AttendanceSetProxyCommandSchema = exports.AttendanceMarkCommandSchema = exports.AttendanceCheckInCommandSchema = exports.AttendanceStateSchema = exports.DEFAULT_ATTENDANCE_SETTINGS = exports.AttendanceSettingsSchema = exports.AttendanceRecordSchema = exports.AttendanceMethodSchema = exports.ATTENDANCE_METHODS = exports.AbsenceReasonSchema = exports.ABSENCE_REASONS = exports.AttendanceStatusSchema = exports.ATTENDANCE_STATUSES = void 0;
const zod_1 = require("zod");
const meetings_1 = require("./meetings");
const text_1 = require("./text");
/*
 * Attendance (điểm danh) and the quorum settings of a meeting. The state table holds each person's
 * latest record; the meeting event log holds every change (`attendance.marked`), so a correction is
 * a new event and nothing is overwritten in the record of the meeting.
 */
/**
 * - `present_room`: in the hall (checked in on the tablet, by QR, or marked by the secretary);
 * - `present_online`: taking part online;
 * - `late`: reported late, not here yet (does not count until they check in);
 * - `absent`: absent, with a reason;
 * - `left`: was present and left before the end (no longer counts).
 * A participant with no record has not checked in yet.
 */
exports.ATTENDANCE_STATUSES = ['present_room', 'present_online', 'late', 'absent', 'left'];
exports.AttendanceStatusSchema = zod_1.z.enum(exports.ATTENDANCE_STATUSES);
/** Lý do vắng: đi công tác, ốm, việc riêng, khác (with a text). */
exports.ABSENCE_REASONS = ['business_trip', 'sick', 'personal', 'other'];
exports.AbsenceReasonSchema = zod_1.z.enum(exports.ABSENCE_REASONS);
/** How the record was made: the person on their tablet, the person by the room's QR code, the secretary. */
exports.ATTENDANCE_METHODS = ['self', 'qr', 'secretary'];
exports.AttendanceMethodSchema = zod_1.z.enum(exports.ATTENDANCE_METHODS);
exports.AttendanceRecordSchema = zod_1.z.object({
    userId: (0, text_1.uuid)(),
    status: exports.AttendanceStatusSchema,
    /** Only for `absent`. */
    absenceReason: exports.AbsenceReasonSchema.nullable(),
    /** Free text: required with the reason `other`, optional otherwise. */
    note: zod_1.z.string().nullable(),
    /** Ủy quyền: the present voting member who holds this absent member's proxy. */
    proxyHolderId: (0, text_1.uuid)().nullable(),
    method: exports.AttendanceMethodSchema,
    markedById: (0, text_1.uuid)(),
    markedAt: zod_1.z.iso.datetime(),
});
/**
 * Quorum: present voting members must be more than (or, with `quorumAtLeast`, at least)
 * numerator/denominator of the expected voting members. Default: more than 1/2.
 */
exports.AttendanceSettingsSchema = zod_1.z.object({
    quorumNumerator: zod_1.z.number().int().min(1).max(99),
    quorumDenominator: zod_1.z.number().int().min(1).max(100),
    quorumAtLeast: zod_1.z.boolean(),
    /** Whether an absent member may give a proxy (ủy quyền) to a present one. */
    proxiesAllowed: zod_1.z.boolean(),
    /** Whether a proxy counts towards the quorum. */
    proxiesCount: zod_1.z.boolean(),
});
exports.DEFAULT_ATTENDANCE_SETTINGS = {
    quorumNumerator: 1,
    quorumDenominator: 2,
    quorumAtLeast: false,
    proxiesAllowed: false,
    proxiesCount: false,
};
/** The attendance slice of the meeting snapshot. */
exports.AttendanceStateSchema = zod_1.z.object({
    settings: exports.AttendanceSettingsSchema,
    /** Latest record per person (people without one have not checked in). */
    records: zod_1.z.array(exports.AttendanceRecordSchema),
});
/** What the secretary types beside an absence (one line or several; no control characters). */
const note = (0, text_1.text)({ min: 1, max: 500, multiline: true });
// ---- commands -----------------------------------------------------------------------------
/** The same base as every meeting command (meeting-events.ts imports this file, so it is not imported back). */
const MeetingCommandBaseSchema = zod_1.z.strictObject({
    meetingId: (0, text_1.uuid)(),
    idempotencyKey: meetings_1.IdempotencyKeySchema,
});
/** A participant checks themself in ("Có mặt") on their tablet. */
exports.AttendanceCheckInCommandSchema = MeetingCommandBaseSchema;
/** The secretary marks anyone: present in the room or online, late, absent with a reason, left. */
exports.AttendanceMarkCommandSchema = zod_1.z
    .strictObject({
    ...MeetingCommandBaseSchema.shape,
    userId: (0, text_1.uuid)(),
    status: exports.AttendanceStatusSchema,
    absenceReason: exports.AbsenceReasonSchema.optional(),
    note: note.optional(),
})
    .refine((m) => (m.status === 'absent') === (m.absenceReason !== undefined), {
    path: ['absenceReason'],
    message: 'an absence needs a reason, and only an absence has one',
})
    .refine((m) => m.absenceReason !== 'other' || m.note !== undefined, {
    path: ['note'],
    message: 'the reason "other" needs a text',
});
/** The secretary records (or, with `toUserId: null`, withdraws) a proxy from an absent member. */
exports.AttendanceSetProxyCommandSchema = MeetingCommandBaseSchema.extend({
    fromUserId: (0, text_1.uuid)(),
    toUserId: (0, text_1.uuid)().nullable(),
});
/** The secretary sets the quorum rule and the proxy policy (any subset). */
exports.AttendanceConfigureCommandSchema = MeetingCommandBaseSchema.extend({
    quorumNumerator: zod_1.z.number().int().min(1).max(99).optional(),
    quorumDenominator: zod_1.z.number().int().min(1).max(100).optional(),
    quorumAtLeast: zod_1.z.boolean().optional(),
    proxiesAllowed: zod_1.z.boolean().optional(),
    proxiesCount: zod_1.z.boolean().optional(),
});
// ---- QR check-in (REST) -------------------------------------------------------------------
/** GET /meetings/:id/attendance/qr — the code the room shows now (chair, secretary, admin). */
exports.CheckInQrSchema = zod_1.z.object({
    token: zod_1.z.string(),
    /** When this code stops being shown (the next one is fetched then). */
    validUntil: zod_1.z.iso.datetime(),
    serverTime: zod_1.z.iso.datetime(),
});
/** POST /meetings/:id/attendance/qr-check-in — a participant scanned the room's code. */
exports.QrCheckInRequestSchema = zod_1.z.strictObject({ token: (0, text_1.safeString)().min(1).max(200) });
/** The path of the check-in page a QR code opens: `/check-in/<meetingId>?t=<token>`. */
const checkInPath = (meetingId, token) => `/check-in/${meetingId}?t=${encodeURIComponent(token)}`;
exports.checkInPath = checkInPath;
//# sourceMappingURL=attendance.js.map