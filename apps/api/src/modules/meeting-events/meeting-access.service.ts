import { Injectable, Logger } from '@nestjs/common';
import type { Meeting, MeetingRole, SystemRole } from '@phonghop/common';
import { canViewMeeting, MeetingActor } from '@phonghop/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { AuthSessionEntity } from '../identity/auth-session.entity';
import { UserEntity } from '../identity/user.entity';
import { MeetingParticipantEntity } from '../meetings/meeting-participant.entity';
import { MeetingEntity } from '../meetings/meeting.entity';
import { toMeeting } from '../meetings/meeting.mapper';

/** A person acting on one meeting. */
export interface CommandActor extends MeetingActor {
  userId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REFUSAL_CODES = new Set(['MEETING_NOT_FOUND', 'NOT_A_PARTICIPANT', 'MEETING_ROLE_REQUIRED']);

/**
 * The gate of every meeting read and command: who is this person in this meeting? Outsiders
 * (neither participant nor system admin) get MEETING_NOT_FOUND whether or not the meeting exists,
 * so ids cannot be probed; every refusal is logged with user, meeting and command.
 */
@Injectable()
export class MeetingAccessService {
  private readonly logger = new Logger('MeetingAccess');
  /** Refusals already logged where they were raised. */
  private readonly logged = new WeakSet<AppException>();

  constructor(private readonly dataSource: DataSource) {}

  /** The caller's role in the meeting (null for an admin who is not a participant). */
  async roleOf(meetingId: string, userId: string, manager?: EntityManager): Promise<MeetingRole | null> {
    const rows: { role: MeetingRole }[] = await (manager ?? this.dataSource.manager).query(
      'SELECT role FROM meeting_participants WHERE meeting_id = $1 AND user_id = $2',
      [meetingId, userId],
    );
    return rows[0]?.role ?? null;
  }

  /**
   * The meeting and the caller's actor record, or MEETING_NOT_FOUND. With `lock`, the meeting row
   * is locked FOR UPDATE in `manager`'s transaction (the command path).
   *
   * The caller's authority is read here, from the database, every time — never taken from the
   * token or from what a socket remembered at connect: their system role (the user must be active)
   * and that their session is neither revoked nor expired, with their role in the meeting. A
   * demotion, a sign-out or a removal from the meeting acts on the next command of an open socket.
   * A dead session gets UNAUTHENTICATED.
   */
  async open(
    meetingId: string,
    user: Pick<AuthUser, 'id' | 'sessionId'>,
    command: string,
    options: { manager?: EntityManager; lock?: boolean } = {},
  ): Promise<{ meeting: Meeting; lastHash: string; actor: CommandActor }> {
    if (!UUID.test(user.sessionId)) throw new AppException('UNAUTHENTICATED');
    const manager = options.manager ?? this.dataSource.manager;
    // The meeting, the caller's roles and their session in one round trip: on the command path
    // this runs while the meeting row is locked, and every round trip there lowers a live
    // meeting's event rate.
    const query = manager
      .getRepository(MeetingEntity)
      .createQueryBuilder('m')
      .leftJoin(MeetingParticipantEntity, 'p', 'p.meeting_id = m.id AND p.user_id = :userId', {
        userId: user.id,
      })
      .leftJoin(
        AuthSessionEntity,
        's',
        's.id = :sessionId AND s.user_id = :userId AND s.revoked_at IS NULL AND s.expires_at > now()',
        { sessionId: user.sessionId },
      )
      .leftJoin(UserEntity, 'u', 'u.id = s.user_id AND u.active = true')
      .addSelect('p.role', 'my_role')
      .addSelect('u.system_role', 'my_system_role')
      .where('m.id = :meetingId', { meetingId });
    if (options.lock) query.setLock('pessimistic_write', undefined, ['m']);
    const { entities, raw } = await query.getRawAndEntities<{
      my_role: MeetingRole | null;
      my_system_role: SystemRole | null;
    }>();
    const entity = entities[0] ?? null;
    if (!entity) throw this.refuse(user, meetingId, command, 'MEETING_NOT_FOUND');
    const systemRole = raw[0]?.my_system_role ?? null;
    if (!systemRole) {
      this.logger.warn(`refused ${command}: user=${user.id} meeting=${meetingId} code=UNAUTHENTICATED`);
      throw new AppException('UNAUTHENTICATED');
    }
    const actor: CommandActor = { userId: user.id, systemRole, meetingRole: raw[0]?.my_role ?? null };
    if (!canViewMeeting(actor)) throw this.refuse(user, meetingId, command, 'MEETING_NOT_FOUND');
    return { meeting: toMeeting(entity), lastHash: entity.lastHash, actor };
  }

  /**
   * Of these meetings, the ones the user may still see with their current roles (an active user
   * who is a participant, or a system admin). Used to take open sockets out of rooms they lost.
   */
  async stillVisible(userId: string, meetingIds: string[]): Promise<Set<string>> {
    if (meetingIds.length === 0) return new Set();
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT m.id FROM meetings m
         JOIN users u ON u.id = $1 AND u.active
         LEFT JOIN meeting_participants p ON p.meeting_id = m.id AND p.user_id = u.id
        WHERE m.id = ANY($2::uuid[]) AND (p.user_id IS NOT NULL OR u.system_role = 'admin')`,
      [userId, meetingIds],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Logs a refused attempt and returns the exception to throw. */
  refuse(
    user: Pick<AuthUser, 'id'>,
    meetingId: string,
    command: string,
    code: 'MEETING_NOT_FOUND' | 'NOT_A_PARTICIPANT' | 'MEETING_ROLE_REQUIRED',
  ): AppException {
    this.logRefusal(user.id, meetingId, command, code);
    const err = new AppException(code);
    this.logged.add(err);
    return err;
  }

  /** Logs an error if it is a permission refusal (for errors raised by rule checks further down). */
  noteIfRefusal(err: unknown, userId: string, meetingId: string, command: string): void {
    if (err instanceof AppException && REFUSAL_CODES.has(err.code) && !this.logged.has(err)) {
      this.logged.add(err);
      this.logRefusal(userId, meetingId, command, err.code);
    }
  }

  private logRefusal(userId: string, meetingId: string, command: string, code: string): void {
    this.logger.warn(`refused ${command}: user=${userId} meeting=${meetingId} code=${code}`);
  }
}
