import { Injectable, Logger } from '@nestjs/common';
import type { Meeting, MeetingRole, SystemRole } from '@phonghop/common';
import { canViewMeeting, MeetingActor } from '@phonghop/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { rawToMeeting } from '../meetings/meeting.mapper';

/** A person acting on one meeting. */
export interface CommandActor extends MeetingActor {
  userId: string;
}

/** What `open` answers: the meeting, its chain head, who acts, and the stored receipt if asked for. */
export interface OpenedMeeting {
  meeting: Meeting;
  lastHash: string;
  actor: CommandActor;
  /** The receipt stored for `receiptKey` by this user (null when the key is new or not asked). */
  receipt: { requestHash: string; response: unknown } | null;
}

type OpenRow = Record<string, unknown> & {
  last_hash: string;
  my_role: MeetingRole | null;
  my_system_role: SystemRole | null;
  receipt_request_hash: string | null;
  receipt_response: unknown;
};

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
    options: { manager?: EntityManager; lock?: boolean; receiptKey?: string | null } = {},
  ): Promise<OpenedMeeting> {
    if (!UUID.test(user.sessionId)) throw new AppException('UNAUTHENTICATED');
    const manager = options.manager ?? this.dataSource.manager;
    // The meeting, the caller's roles, their session and (on the command path) the receipt of the
    // command's idempotency key, in one round trip of plain SQL: on the command path this runs
    // while the meeting row is locked, and every round trip (and every millisecond of ORM work)
    // there lowers a live meeting's event rate.
    const rows: OpenRow[] = await manager.query(
      `SELECT m.*, p.role AS my_role, u.system_role AS my_system_role,
              r.request_hash AS receipt_request_hash, r.response AS receipt_response
         FROM meetings m
         LEFT JOIN meeting_participants p ON p.meeting_id = m.id AND p.user_id = $2
         LEFT JOIN auth_sessions s
                ON s.id = $3 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now()
         LEFT JOIN users u ON u.id = s.user_id AND u.active = true
         LEFT JOIN command_receipts r ON $4::uuid IS NOT NULL AND r.actor_id = $2 AND r.idempotency_key = $4::uuid
        WHERE m.id = $1${options.lock ? '\n          FOR UPDATE OF m' : ''}`,
      [meetingId, user.id, user.sessionId, options.receiptKey ?? null],
    );
    const row = rows[0];
    if (!row) throw this.refuse(user, meetingId, command, 'MEETING_NOT_FOUND');
    if (!row.my_system_role) {
      this.logger.warn(`refused ${command}: user=${user.id} meeting=${meetingId} code=UNAUTHENTICATED`);
      throw new AppException('UNAUTHENTICATED');
    }
    const actor: CommandActor = { userId: user.id, systemRole: row.my_system_role, meetingRole: row.my_role };
    if (!canViewMeeting(actor)) throw this.refuse(user, meetingId, command, 'MEETING_NOT_FOUND');
    return {
      meeting: rawToMeeting(row),
      lastHash: row.last_hash,
      actor,
      receipt: row.receipt_request_hash
        ? { requestHash: row.receipt_request_hash, response: row.receipt_response }
        : null,
    };
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
