import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Meeting, MeetingNotificationPayload, Notification, NotificationKind } from '@phonghop/common';
import { formatVietnamDateTime } from '@phonghop/common';
import { AppException } from '../../common/errors/app-exception';
import type { CommandContext } from '../meeting-events/meeting-command.service';
import type { Recipient } from '../meetings/meetings.repository';
import { RealtimeService } from '../realtime/realtime.service';
import { rooms } from '../realtime/realtime.types';
import { MAIL_SENDER, MailSender } from './mail-sender';
import { NotificationsRepository } from './notifications.repository';

const SUBJECTS: Record<NotificationKind, string> = {
  meeting_invitation: 'Giấy mời họp',
  meeting_unscheduled: 'Thông báo hoãn cuộc họp',
  meeting_rescheduled: 'Thông báo thay đổi thời gian, địa điểm họp',
  meeting_started: 'Cuộc họp đã bắt đầu',
};

/** Vietnamese date and time on Vietnam time, for e-mail text ("08:00, Chủ nhật 13/12/2026"). */
function vnTime(iso: string): string {
  return formatVietnamDateTime(new Date(iso));
}

/**
 * In-app notifications and the e-mails beside them. Rows are written inside the command's
 * transaction (so an invitation exists exactly when the scheduling does); the socket event and
 * the e-mail go out after commit.
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly repo: NotificationsRepository,
    private readonly realtime: RealtimeService,
    @Inject(MAIL_SENDER) private readonly mail: MailSender,
  ) {}

  async notifyMeeting(
    ctx: CommandContext,
    kind: NotificationKind,
    meeting: Meeting,
    recipients: Recipient[],
  ): Promise<void> {
    if (recipients.length === 0) return;
    const payload: MeetingNotificationPayload = {
      meetingTitle: meeting.title,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      location: meeting.location,
      online: meeting.online,
    };
    const created = await this.repo.insertMany(
      ctx.manager,
      recipients.map((r) => r.userId),
      { kind, meetingId: meeting.id, payload, at: ctx.at },
    );
    ctx.afterCommit(async () => {
      for (const [userId, notification] of created) {
        this.realtime.emitToRoom(rooms.user(userId), 'notification.created', notification);
      }
      for (const r of recipients) {
        if (!r.email) continue;
        await this.mail
          .send({
            to: r.email,
            subject: `${SUBJECTS[kind]}: ${meeting.title}`,
            text: this.mailText(kind, r, payload),
          })
          .catch((err: Error) => this.logger.error(`mail to ${r.email} failed: ${err.message}`));
      }
    });
  }

  list(userId: string, unreadOnly: boolean, limit: number): Promise<Notification[]> {
    return this.repo.list(userId, unreadOnly, limit);
  }

  unreadCount(userId: string): Promise<number> {
    return this.repo.unreadCount(userId);
  }

  async markRead(userId: string, id: string): Promise<Notification> {
    const n = await this.repo.markRead(userId, id);
    if (!n) throw new AppException('NOT_FOUND');
    return n;
  }

  markAllRead(userId: string): Promise<number> {
    return this.repo.markAllRead(userId);
  }

  private mailText(kind: NotificationKind, r: Recipient, p: MeetingNotificationPayload): string {
    const place = [p.location, p.online ? 'trực tuyến' : null].filter(Boolean).join(' và ');
    return [
      `Kính gửi đồng chí ${r.fullName},`,
      '',
      `${SUBJECTS[kind]}: ${p.meetingTitle}`,
      `Thời gian: ${vnTime(p.startsAt)} – ${vnTime(p.endsAt)}`,
      `Địa điểm: ${place}`,
      '',
      'Vui lòng đăng nhập Phòng họp thông minh để xem chi tiết và xác nhận tham dự.',
    ].join('\n');
  }
}
