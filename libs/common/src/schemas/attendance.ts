import { z } from 'zod';
import { IdempotencyKeySchema } from './meetings';
import { safeString, text, uuid } from './text';

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
export const ATTENDANCE_STATUSES = ['present_room', 'present_online', 'late', 'absent', 'left'] as const;
export const AttendanceStatusSchema = z.enum(ATTENDANCE_STATUSES);
export type AttendanceStatus = z.infer<typeof AttendanceStatusSchema>;

/** Lý do vắng: đi công tác, ốm, việc riêng, khác (with a text). */
export const ABSENCE_REASONS = ['business_trip', 'sick', 'personal', 'other'] as const;
export const AbsenceReasonSchema = z.enum(ABSENCE_REASONS);
export type AbsenceReason = z.infer<typeof AbsenceReasonSchema>;

/** How the record was made: the person on their tablet, the person by the room's QR code, the secretary. */
export const ATTENDANCE_METHODS = ['self', 'qr', 'secretary'] as const;
export const AttendanceMethodSchema = z.enum(ATTENDANCE_METHODS);
export type AttendanceMethod = z.infer<typeof AttendanceMethodSchema>;

export const AttendanceRecordSchema = z.object({
  userId: uuid(),
  status: AttendanceStatusSchema,
  /** Only for `absent`. */
  absenceReason: AbsenceReasonSchema.nullable(),
  /** Free text: required with the reason `other`, optional otherwise. */
  note: z.string().nullable(),
  /** Ủy quyền: the present voting member who holds this absent member's proxy. */
  proxyHolderId: uuid().nullable(),
  method: AttendanceMethodSchema,
  markedById: uuid(),
  markedAt: z.iso.datetime(),
});
export type AttendanceRecord = z.infer<typeof AttendanceRecordSchema>;

/**
 * Quorum: present voting members must be more than (or, with `quorumAtLeast`, at least)
 * numerator/denominator of the expected voting members. Default: more than 1/2.
 */
export const AttendanceSettingsSchema = z.object({
  quorumNumerator: z.number().int().min(1).max(99),
  quorumDenominator: z.number().int().min(1).max(100),
  quorumAtLeast: z.boolean(),
  /** Whether an absent member may give a proxy (ủy quyền) to a present one. */
  proxiesAllowed: z.boolean(),
  /** Whether a proxy counts towards the quorum. */
  proxiesCount: z.boolean(),
});
export type AttendanceSettings = z.infer<typeof AttendanceSettingsSchema>;

export const DEFAULT_ATTENDANCE_SETTINGS: AttendanceSettings = {
  quorumNumerator: 1,
  quorumDenominator: 2,
  quorumAtLeast: false,
  proxiesAllowed: false,
  proxiesCount: false,
};

/** The attendance slice of the meeting snapshot. */
export const AttendanceStateSchema = z.object({
  settings: AttendanceSettingsSchema,
  /** Latest record per person (people without one have not checked in). */
  records: z.array(AttendanceRecordSchema),
});
export type AttendanceState = z.infer<typeof AttendanceStateSchema>;

/** What the secretary types beside an absence (one line or several; no control characters). */
const note = text({ min: 1, max: 500, multiline: true });

// ---- commands -----------------------------------------------------------------------------

/** The same base as every meeting command (meeting-events.ts imports this file, so it is not imported back). */
const MeetingCommandBaseSchema = z.strictObject({
  meetingId: uuid(),
  idempotencyKey: IdempotencyKeySchema,
});

/** A participant checks themself in ("Có mặt") on their tablet. */
export const AttendanceCheckInCommandSchema = MeetingCommandBaseSchema;
export type AttendanceCheckInCommand = z.infer<typeof AttendanceCheckInCommandSchema>;

/** The secretary marks anyone: present in the room or online, late, absent with a reason, left. */
export const AttendanceMarkCommandSchema = z
  .strictObject({
    ...MeetingCommandBaseSchema.shape,
    userId: uuid(),
    status: AttendanceStatusSchema,
    absenceReason: AbsenceReasonSchema.optional(),
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
export type AttendanceMarkCommand = z.infer<typeof AttendanceMarkCommandSchema>;

/** The secretary records (or, with `toUserId: null`, withdraws) a proxy from an absent member. */
export const AttendanceSetProxyCommandSchema = MeetingCommandBaseSchema.extend({
  fromUserId: uuid(),
  toUserId: uuid().nullable(),
});
export type AttendanceSetProxyCommand = z.infer<typeof AttendanceSetProxyCommandSchema>;

/** The secretary sets the quorum rule and the proxy policy (any subset). */
export const AttendanceConfigureCommandSchema = MeetingCommandBaseSchema.extend({
  quorumNumerator: z.number().int().min(1).max(99).optional(),
  quorumDenominator: z.number().int().min(1).max(100).optional(),
  quorumAtLeast: z.boolean().optional(),
  proxiesAllowed: z.boolean().optional(),
  proxiesCount: z.boolean().optional(),
});
export type AttendanceConfigureCommand = z.infer<typeof AttendanceConfigureCommandSchema>;

// ---- QR check-in (REST) -------------------------------------------------------------------

/** GET /meetings/:id/attendance/qr — the code the room shows now (chair, secretary, admin). */
export const CheckInQrSchema = z.object({
  token: z.string(),
  /** When this code stops being shown (the next one is fetched then). */
  validUntil: z.iso.datetime(),
  serverTime: z.iso.datetime(),
});
export type CheckInQr = z.infer<typeof CheckInQrSchema>;

/** POST /meetings/:id/attendance/qr-check-in — a participant scanned the room's code. */
export const QrCheckInRequestSchema = z.strictObject({ token: safeString().min(1).max(200) });
export type QrCheckInRequest = z.infer<typeof QrCheckInRequestSchema>;

/** The path of the check-in page a QR code opens: `/check-in/<meetingId>?t=<token>`. */
export const checkInPath = (meetingId: string, token: string) =>
  `/check-in/${meetingId}?t=${encodeURIComponent(token)}`;
