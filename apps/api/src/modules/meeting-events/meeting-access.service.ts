import { Injectable, Logger } from '@nestjs/common';
import type { Meeting, MeetingRole, SystemRole } from '@phonghop/common';
import { canViewMeeting, MeetingActor } from '@phonghop/common';
import type { Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
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

/** One caller's command to open a meeting for (`openMany`). */
export interface OpenRequest {
  user: Pick<AuthUser, 'id' | 'sessionId'>;
  command: string;
  /** The command's idempotency key, whose stored receipt is read with it (null: none). */
  receiptKey: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A display's stand-in user (displayUser) has a session id that is no UUID: it is nobody here. */
const signedIn = (r: OpenRequest) => UUID.test(r.user.sessionId);
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

  /** The pg pool under TypeORM (for the one named statement of `openMany`). */
  private pool(): Pool {
    return (this.dataSource.driver as PostgresDriver).master as Pool;
  }

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
    const [opened] = await this.openMany(
      meetingId,
      [{ user, command, receiptKey: options.receiptKey ?? null }],
      options,
    );
    if (opened instanceof AppException) throw opened;
    return opened;
  }

  /**
   * `open` for several commands of one meeting at once (a group-commit batch), in one statement:
   * the meeting (locked once with `lock`), and for each request its caller's roles, session and
   * receipt. Answers one entry per request, in order: the opened meeting, or the refusal to throw.
   */
  async openMany(
    meetingId: string,
    requests: OpenRequest[],
    options: { manager?: EntityManager; lock?: boolean } = {},
  ): Promise<(OpenedMeeting | AppException)[]> {
    const manager = options.manager ?? this.dataSource.manager;
    // The meeting, the callers' roles, their sessions and (on the command path) the receipts of the
    // commands' idempotency keys, in one round trip of plain SQL: on the command path this runs
    // while the meeting row is locked, and every round trip (and every millisecond of ORM work)
    // there lowers a live meeting's event rate. A request whose session id is no UUID (a display's
    // stand-in) is sent as nulls and refused: it opens nothing.
    // One request (a join, a command alone) reads its caller as a one-row subquery, which plans as
    // fast as a plain join; a batch unnests arrays (planning that costs ~0.1 ms more per statement).
    const callers =
      requests.length === 1
        ? '(SELECT $2::uuid AS user_id, $3::uuid AS session_id, $4::uuid AS receipt_key, 1::bigint AS i)'
        : 'unnest($2::uuid[], $3::uuid[], $4::uuid[]) WITH ORDINALITY';
    const column = <T>(pick: (r: OpenRequest) => T) =>
      requests.length === 1 ? pick(requests[0]) : requests.map(pick);
    const text = `SELECT m.*, x.i, p.role AS my_role, u.system_role AS my_system_role,
              r.request_hash AS receipt_request_hash, r.response AS receipt_response
         FROM meetings m
        CROSS JOIN ${callers} AS x(user_id, session_id, receipt_key, i)
         LEFT JOIN meeting_participants p ON p.meeting_id = m.id AND p.user_id = x.user_id
         LEFT JOIN auth_sessions s
                ON s.id = x.session_id AND s.user_id = x.user_id AND s.revoked_at IS NULL AND s.expires_at > now()
         LEFT JOIN users u ON u.id = s.user_id AND u.active = true
         LEFT JOIN command_receipts r
                ON x.receipt_key IS NOT NULL AND r.actor_id = x.user_id AND r.idempotency_key = x.receipt_key
        WHERE m.id = $1
        ORDER BY x.i${options.lock ? ' FOR UPDATE OF m' : ''}`;
    const values = [
      meetingId,
      column((r) => (signedIn(r) ? r.user.id : null)),
      column((r) => (signedIn(r) ? r.user.sessionId : null)),
      column((r) => r.receiptKey),
    ];
    const rows: OpenRow[] =
      options.manager || requests.length > 1
        ? await manager.query(text, values)
        : // One caller outside a transaction — every join, twice for a newcomer: a named statement
          // on the driver's pool, parsed once per connection and planned from a cached plan, without
          // a TypeORM query runner around it (a join storm makes a thousand of these).
          (await this.pool().query<OpenRow>({ name: 'meeting-open-one', text, values })).rows;
    return requests.map((request, i) =>
      signedIn(request) ? this.opened(meetingId, request, rows[i]) : new AppException('UNAUTHENTICATED'),
    );
  }

  /** One request's row of `openMany`, checked. */
  private opened(meetingId: string, { user, command }: OpenRequest, row: OpenRow | undefined) {
    if (!row) return this.refuse(user, meetingId, command, 'MEETING_NOT_FOUND');
    if (!row.my_system_role) {
      this.logger.warn(`refused ${command}: user=${user.id} meeting=${meetingId} code=UNAUTHENTICATED`);
      return new AppException('UNAUTHENTICATED');
    }
    const actor: CommandActor = { userId: user.id, systemRole: row.my_system_role, meetingRole: row.my_role };
    if (!canViewMeeting(actor)) return this.refuse(user, meetingId, command, 'MEETING_NOT_FOUND');
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
