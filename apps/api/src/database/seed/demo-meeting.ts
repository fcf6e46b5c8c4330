import type { MeetingRole } from '@phonghop/common';
import { DataSource } from 'typeorm';
import { randomBytes } from 'node:crypto';
import type { AuthUser } from '../../common/auth/auth-user';
import { AttendanceRepository } from '../../modules/attendance/attendance.repository';
import { AttendanceService } from '../../modules/attendance/attendance.service';
import type { AppConfig } from '../../config/env';
import { AgendaRepository } from '../../modules/agenda/agenda.repository';
import { AgendaService } from '../../modules/agenda/agenda.service';
import { SessionsRepository } from '../../modules/identity/sessions.repository';
import { MeetingAccessService } from '../../modules/meeting-events/meeting-access.service';
import { MeetingCommandQueue } from '../../modules/meeting-events/meeting-command-queue';
import { MeetingCommandService } from '../../modules/meeting-events/meeting-command.service';
import { MeetingEventsRepository } from '../../modules/meeting-events/meeting-events.repository';
import { ParticipantIdsCache } from '../../modules/meetings/participant-ids-cache';
import { MeetingPresenceService } from '../../modules/meetings/meeting-presence.service';
import { MeetingsRepository } from '../../modules/meetings/meetings.repository';
import { MeetingsService } from '../../modules/meetings/meetings.service';
import type { MailSender } from '../../modules/notifications/mail-sender';
import { NotificationsRepository } from '../../modules/notifications/notifications.repository';
import { NotificationsService } from '../../modules/notifications/notifications.service';
import { RealtimeService } from '../../modules/realtime/realtime.service';

/** Serialises the demo meeting seed across nodes starting together. */
const DEMO_MEETING_LOCK_KEY = 724_2027;

/** The demo meeting takes place a week after seeding, 08:00–11:30 Vietnam time. */
function demoMeetingTimes(now: Date): { startsAt: string; endsAt: string; month: number; year: number } {
  const local = new Date(now.getTime() + 7 * 3_600_000 + 7 * 86_400_000);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + 1;
  const d = local.getUTCDate();
  const day = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return { startsAt: `${day}T08:00:00+07:00`, endsAt: `${day}T11:30:00+07:00`, month: m, year: y };
}

export function demoMeetingTitle(now: Date): string {
  const { month, year } = demoMeetingTimes(now);
  return `Hội nghị Ban Chấp hành Đảng bộ phường Vĩnh Phúc tháng ${month}/${year}`;
}

const PARTICIPANTS: [string, MeetingRole][] = [
  ['chutri', 'chair'],
  ...Array.from({ length: 12 }, (_, i): [string, MeetingRole] => [
    `daibieu${String(i + 1).padStart(2, '0')}`,
    'delegate',
  ]),
  ['khach', 'guest'],
];

/**
 * The command services without the Nest container (the seed runs before the app starts). No
 * socket server is attached, so nothing is broadcast; e-mail is not sent.
 */
function services(dataSource: DataSource) {
  const realtime = new RealtimeService();
  const access = new MeetingAccessService(dataSource);
  const commands = new MeetingCommandService(
    dataSource,
    access,
    new MeetingEventsRepository(dataSource),
    realtime,
    // One seed, one command at a time: the queue never waits.
    new MeetingCommandQueue({ MEETING_COMMAND_CONCURRENCY: 1, MEETING_COMMAND_QUEUE: 0 } as AppConfig),
  );
  const silent: MailSender = { send: async () => undefined };
  const notifications = new NotificationsService(new NotificationsRepository(dataSource), realtime, silent);
  const agendaRepo = new AgendaRepository(dataSource);
  const meetingsRepo = new MeetingsRepository(dataSource);
  return {
    meetings: new MeetingsService(
      commands,
      meetingsRepo,
      agendaRepo,
      notifications,
      new MeetingPresenceService(realtime, access, new ParticipantIdsCache(dataSource)),
      new AttendanceService(commands, new AttendanceRepository(dataSource)),
    ),
    agenda: new AgendaService(commands, access, agendaRepo),
  };
}

/**
 * Seeds the ward's demo meeting — a scheduled Party committee conference with five agenda items,
 * chair `chutri`, secretary `thuky`, delegates daibieu01…12 and guest `khach` — through the
 * command service, so it has a real event log (and invitations). Skips (returns false) when the
 * demo accounts are missing or the meeting exists already.
 */
export async function seedDemoMeeting(dataSource: DataSource, now = new Date()): Promise<boolean> {
  const rows: { id: string; username: string; system_role: 'admin' | 'member' }[] = await dataSource.query(
    'SELECT id, username, system_role FROM users WHERE username = ANY($1) AND active',
    [['thuky', ...PARTICIPANTS.map(([u]) => u)]],
  );
  const ids = new Map(rows.map((r) => [r.username, r]));
  const secretaryRow = ids.get('thuky');
  if (!secretaryRow) return false;
  const title = demoMeetingTitle(now);

  const runner = dataSource.createQueryRunner();
  await runner.connect();
  let seedSession: string | null = null;
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [DEMO_MEETING_LOCK_KEY]);
    const existing: unknown[] = await dataSource.query(
      'SELECT 1 FROM meetings WHERE created_by_id = $1 AND title LIKE $2',
      [secretaryRow.id, 'Hội nghị Ban Chấp hành Đảng bộ phường Vĩnh Phúc tháng %'],
    );
    if (existing.length > 0) return false;

    const { meetings, agenda } = services(dataSource);
    // Commands check the actor's session like any other: the seed acts through a short session of
    // the secretary's, ended when it is done.
    const sessions = new SessionsRepository(dataSource);
    seedSession = await sessions.create({
      userId: secretaryRow.id,
      refreshHash: randomBytes(32).toString('hex'),
      expiresAt: new Date(Date.now() + 3_600_000),
      ip: null,
      userAgent: 'demo-seed',
    });
    const secretary: AuthUser = {
      id: secretaryRow.id,
      sessionId: seedSession,
      systemRole: secretaryRow.system_role,
    };
    const as = { user: secretary, idempotencyKey: null };
    const times = demoMeetingTimes(now);
    const { result: meeting } = await meetings.create(as, {
      title,
      kind: 'party_committee',
      organizerUnit: 'Đảng ủy phường Vĩnh Phúc',
      startsAt: times.startsAt,
      endsAt: times.endsAt,
      location: 'Hội trường Đảng ủy phường (tầng 3, trụ sở phường Vĩnh Phúc)',
      online: true,
      description:
        'Hội nghị thường kỳ của Ban Chấp hành Đảng bộ phường. Đề nghị các đồng chí xem chương trình hội nghị ' +
        'và xác nhận tham dự; đồng chí vắng mặt báo vắng kèm lý do.',
    });
    for (const [username, role] of PARTICIPANTS) {
      const user = ids.get(username);
      if (user) await meetings.addParticipant(as, meeting.id, { userId: user.id, role });
    }
    const presenter = (username: string) => ids.get(username)?.id ?? null;
    const y = times.year;
    const items = [
      {
        title: 'Khai mạc hội nghị; thông qua chương trình làm việc',
        presenterId: presenter('chutri'),
        plannedMinutes: 10,
      },
      {
        title: `Báo cáo kết quả thực hiện Nghị quyết của Đảng bộ năm ${y}; phương hướng, nhiệm vụ năm ${y + 1}`,
        presenterId: presenter('daibieu01'),
        plannedMinutes: 45,
        description:
          'Đồng chí Phó Bí thư Thường trực trình bày báo cáo; tài liệu gửi kèm giấy mời. ' +
          'Các đồng chí chuẩn bị ý kiến về kết quả và các chỉ tiêu năm tới.',
      },
      {
        title: `Báo cáo tình hình kinh tế - xã hội, quốc phòng - an ninh và dự toán ngân sách phường năm ${y + 1}`,
        presenterId: presenter('daibieu02'),
        plannedMinutes: 40,
      },
      {
        title: `Thảo luận, cho ý kiến về Chương trình kiểm tra, giám sát năm ${y + 1} của Ban Chấp hành Đảng bộ`,
        presenterId: presenter('daibieu07'),
        plannedMinutes: 60,
        description: 'Thảo luận tập trung; mỗi ý kiến không quá 5 phút.',
      },
      { title: 'Kết luận hội nghị; bế mạc', presenterId: presenter('chutri'), plannedMinutes: 15 },
    ];
    for (const item of items) {
      await agenda.add(as, meeting.id, { description: '', ...item });
    }
    await meetings.transition(as, meeting.id, 'scheduled');
    return true;
  } finally {
    if (seedSession)
      await new SessionsRepository(dataSource).revoke(seedSession, 'logout').catch(() => undefined);
    await runner.query('SELECT pg_advisory_unlock($1)', [DEMO_MEETING_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
