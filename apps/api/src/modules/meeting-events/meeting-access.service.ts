import { Injectable, Logger } from '@nestjs/common';
import type { Meeting, MeetingRole } from '@phonghop/common';
import { canViewMeeting, MeetingActor } from '@phonghop/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { MeetingParticipantEntity } from '../meetings/meeting-participant.entity';
import { MeetingEntity } from '../meetings/meeting.entity';
import { toMeeting } from '../meetings/meeting.mapper';

/** A person acting on one meeting. */
export interface CommandActor extends MeetingActor {
  userId: string;
}

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
   */
  async open(
    meetingId: string,
    user: AuthUser,
    command: string,
    options: { manager?: EntityManager; lock?: boolean } = {},
  ): Promise<{ meeting: Meeting; lastHash: string; actor: CommandActor }> {
    const manager = options.manager ?? this.dataSource.manager;
    // The meeting and the caller's role in one round trip: on the command path this runs while
    // the meeting row is locked, and every round trip there lowers a live meeting's event rate.
    const query = manager
      .getRepository(MeetingEntity)
      .createQueryBuilder('m')
      .leftJoin(MeetingParticipantEntity, 'p', 'p.meeting_id = m.id AND p.user_id = :userId', {
        userId: user.id,
      })
      .addSelect('p.role', 'my_role')
      .where('m.id = :meetingId', { meetingId });
    if (options.lock) query.setLock('pessimistic_write', undefined, ['m']);
    const { entities, raw } = await query.getRawAndEntities<{ my_role: MeetingRole | null }>();
    const entity = entities[0] ?? null;
    const meetingRole = entity ? (raw[0]?.my_role ?? null) : null;
    const actor: CommandActor = { userId: user.id, systemRole: user.systemRole, meetingRole };
    if (!entity || !canViewMeeting(actor)) throw this.refuse(user, meetingId, command, 'MEETING_NOT_FOUND');
    return { meeting: toMeeting(entity), lastHash: entity.lastHash, actor };
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
