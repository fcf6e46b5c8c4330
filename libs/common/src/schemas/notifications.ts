import { z } from 'zod';
import { queryInt, uuid } from './text';

/**
 * In-app notifications (and the e-mails sent beside them). Each is one person's; the socket
 * event `notification.created` goes to that person's private room only.
 */
export const NOTIFICATION_KINDS = [
  /** The meeting was scheduled (or the person added to a scheduled meeting): please respond. */
  'meeting_invitation',
  /** A scheduled meeting went back to draft: it will not take place as announced. */
  'meeting_unscheduled',
  /** Time or place of a scheduled meeting changed. */
  'meeting_rescheduled',
  /** The chair opened the meeting. */
  'meeting_started',
] as const;
export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKindSchema>;

/** What the notification is about, frozen when it was made (the meeting may change later). */
export const MeetingNotificationPayloadSchema = z.object({
  meetingTitle: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  location: z.string().nullable(),
  online: z.boolean(),
});
export type MeetingNotificationPayload = z.infer<typeof MeetingNotificationPayloadSchema>;

export const NotificationSchema = z.object({
  id: uuid(),
  kind: NotificationKindSchema,
  meetingId: uuid().nullable(),
  payload: MeetingNotificationPayloadSchema,
  readAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListQuerySchema = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  limit: queryInt({ min: 1, max: 200 }).default(50),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuerySchema>;

export const NotificationListResponseSchema = z.object({
  items: z.array(NotificationSchema),
  unreadCount: z.number().int().nonnegative(),
});
export type NotificationListResponse = z.infer<typeof NotificationListResponseSchema>;

/** GET /calendar/feed-url: the person's secret iCalendar address (keep it private; rotate if leaked). */
export const CalendarFeedUrlResponseSchema = z.object({ url: z.string() });
export type CalendarFeedUrlResponse = z.infer<typeof CalendarFeedUrlResponseSchema>;
