import { Inject, Injectable } from '@nestjs/common';
import type { AttendanceRecord, CheckInQr, Meeting } from '@phonghop/common';
import { DataSource } from 'typeorm';
import { canManageAttendance, checkSelfCheckIn } from '@phonghop/common';
import type { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { APP_CONFIG, AppConfig } from '../../config/env';
import type { Caller } from '../meeting-events/caller';
import { MeetingAccessService } from '../meeting-events/meeting-access.service';
import type { CommandResponse } from '../meeting-events/meeting-command.service';
import { AttendanceService } from './attendance.service';
import { checkInKey, issueCheckInToken, verifyCheckInToken } from './check-in-token';

/** The room's rotating check-in QR code: issuing it for the screen, and checking people in with it. */
@Injectable()
export class CheckInQrService {
  private readonly key: Buffer;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly access: MeetingAccessService,
    private readonly attendance: AttendanceService,
    private readonly dataSource: DataSource,
  ) {
    this.key = checkInKey(config.JWT_SECRET);
  }

  /** The code to show now: for the chair, the secretary and admins, while attendance is open. */
  async current(user: AuthUser, meetingId: string): Promise<CheckInQr> {
    const { meeting, actor } = await this.access.open(meetingId, user, 'attendance.qr');
    if (!canManageAttendance(actor)) throw new AppException('MEETING_ROLE_REQUIRED');
    return this.issue(meeting);
  }

  /** The code for a room display (its token was checked by the caller for this meeting). */
  async forMeeting(meetingId: string): Promise<CheckInQr> {
    const rows: { id: string; status: Meeting['status'] }[] = await this.dataSource.query(
      'SELECT id, status FROM meetings WHERE id = $1',
      [meetingId],
    );
    if (!rows[0]) throw new AppException('MEETING_NOT_FOUND');
    return this.issue(rows[0]);
  }

  private issue(meeting: Pick<Meeting, 'id' | 'status'>): CheckInQr {
    const meetingId = meeting.id;
    if (meeting.status !== 'scheduled' && meeting.status !== 'live')
      throw new AppException('ATTENDANCE_CLOSED');
    const now = new Date();
    const { token, validUntil } = issueCheckInToken(this.key, meetingId, now);
    return { token, validUntil: validUntil.toISOString(), serverTime: now.toISOString() };
  }

  /** A participant scanned the code: checks them in, once per person and code. */
  checkIn(caller: Caller, meetingId: string, token: string): Promise<CommandResponse<AttendanceRecord>> {
    const check = verifyCheckInToken(this.key, token, meetingId, new Date());
    if (!check.ok)
      throw new AppException(check.reason === 'expired' ? 'QR_TOKEN_EXPIRED' : 'QR_TOKEN_INVALID');
    return this.attendance.checkIn(caller, meetingId, 'qr', 'attendance.checkInQr', async (ctx) => {
      // Checked before the use is recorded, so a refusal never spends the person's use of the code.
      const allowed = checkSelfCheckIn(ctx.meeting.status, ctx.actor);
      if (!allowed.ok) throw new AppException(allowed.code);
      const rows: unknown[] = await ctx.manager.query(
        `INSERT INTO attendance_qr_uses (meeting_id, user_id, "window", used_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING 1`,
        [meetingId, caller.user.id, String(check.window), ctx.at],
      );
      if (rows.length === 0) throw new AppException('QR_TOKEN_USED');
    });
  }
}
