"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CalendarFeedUrlResponseSchema = exports.NotificationListResponseSchema = exports.NotificationListQuerySchema = exports.NotificationSchema = exports.MeetingNotificationPayloadSchema = exports.NotificationKindSchema = exports.NOTIFICATION_KINDS = void 0;
const zod_1 = require("zod");
const text_1 = require("./text");
/**
 * In-app notifications (and the e-mails sent beside them). Each is one person's; the socket
 * event `notification.created` goes to that person's private room only.
 */
exports.NOTIFICATION_KINDS = [
    /** The meeting was scheduled (or the person added to a scheduled meeting): please respond. */
    'meeting_invitation',
    /** A scheduled meeting went back to draft: it will not take place as announced. */
    'meeting_unscheduled',
    /** Time or place of a scheduled meeting changed. */
    'meeting_rescheduled',
    /** The chair opened the meeting. */
    'meeting_started',
];
exports.NotificationKindSchema = zod_1.z.enum(exports.NOTIFICATION_KINDS);
/** What the notification is about, frozen when it was made (the meeting may change later). */
exports.MeetingNotificationPayloadSchema = zod_1.z.object({
    meetingTitle: zod_1.z.string(),
    startsAt: zod_1.z.iso.datetime(),
    endsAt: zod_1.z.iso.datetime(),
    location: zod_1.z.string().nullable(),
    online: zod_1.z.boolean(),
});
exports.NotificationSchema = zod_1.z.object({
    id: (0, text_1.uuid)(),
    kind: exports.NotificationKindSchema,
    meetingId: (0, text_1.uuid)().nullable(),
    payload: exports.MeetingNotificationPayloadSchema,
    readAt: zod_1.z.iso.datetime().nullable(),
    createdAt: zod_1.z.iso.datetime(),
});
exports.NotificationListQuerySchema = zod_1.z.strictObject({
    unread: zod_1.z.enum(['true', 'false']).optional(),
    limit: (0, text_1.queryInt)({ min: 1, max: 200 }).default(50),
});
exports.NotificationListResponseSchema = zod_1.z.object({
    items: zod_1.z.array(exports.NotificationSchema),
    unreadCount: zod_1.z.number().int().nonnegative(),
});
/** GET /calendar/feed-url: the person's secret iCalendar address (keep it private; rotate if leaked). */
exports.CalendarFeedUrlResponseSchema = zod_1.z.object({ url: zod_1.z.string() });
//# sourceMappingURL=notifications.js.map