import { Injectable } from '@nestjs/common';
import type {
  InvitationStatus,
  Meeting,
  MeetingListItem,
  MeetingListQuery,
  MeetingRole,
  MeetingStatus,
  Participant,
  UserSummary,
} from '@phonghop/common';
import { FINISHED_STATUSES, localDayRange } from '@phonghop/common';
import { DataSource, EntityManager } from 'typeorm';
import { GENESIS_HASH } from '../meeting-events/event-hash';
import { containsPattern, folded, searchQuery } from '../identity/search-text';
import { MeetingEntity } from './meeting.entity';
import {
  PARTICIPANT_COLUMNS,
  ParticipantRow,
  rawToMeeting,
  toMeeting,
  toParticipant,
} from './meeting.mapper';

export interface NewMeeting {
  id: string;
  title: string;
  kind: Meeting['kind'];
  organizerUnit: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  online: boolean;
  description: string;
  createdById: string;
  createdAt: Date;
}

export type MeetingPatch = Partial<
  Pick<
    NewMeeting,
    'title' | 'kind' | 'organizerUnit' | 'startsAt' | 'endsAt' | 'location' | 'online' | 'description'
  >
>;

/** Someone to notify: id, name and (maybe) e-mail. */
export interface Recipient {
  userId: string;
  fullName: string;
  email: string | null;
}

/** Every query on meetings and their participants. Returns plain objects. */
@Injectable()
export class MeetingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async insert(manager: EntityManager, d: NewMeeting): Promise<Meeting> {
    await manager.query(
      `INSERT INTO meetings (id, title, kind, organizer_unit, starts_at, ends_at, location, online, description,
                             status, last_seq, last_hash, created_by_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'draft', 0, $10, $11, $12, $12)`,
      [
        d.id,
        d.title,
        d.kind,
        d.organizerUnit,
        d.startsAt,
        d.endsAt,
        d.location,
        d.online,
        d.description,
        GENESIS_HASH,
        d.createdById,
        d.createdAt,
      ],
    );
    return (await this.findById(d.id, manager))!;
  }

  async update(manager: EntityManager, id: string, patch: MeetingPatch): Promise<void> {
    await manager.getRepository(MeetingEntity).update({ id }, patch);
  }

  async setStatus(manager: EntityManager, id: string, status: MeetingStatus): Promise<void> {
    await manager.getRepository(MeetingEntity).update({ id }, { status });
  }

  async findById(id: string, manager?: EntityManager): Promise<Meeting | null> {
    const e = await this.m(manager).getRepository(MeetingEntity).findOne({ where: { id } });
    return e ? toMeeting(e) : null;
  }

  /** Participants in the order they were added (the order clients' reducers keep). */
  async participants(meetingId: string, manager?: EntityManager): Promise<Participant[]> {
    const rows: ParticipantRow[] = await this.m(manager).query(
      `SELECT ${PARTICIPANT_COLUMNS} FROM meeting_participants p JOIN users u ON u.id = p.user_id
        WHERE p.meeting_id = $1 ORDER BY p.added_seq, p.user_id`,
      [meetingId],
    );
    return rows.map(toParticipant);
  }

  async participant(meetingId: string, userId: string, manager?: EntityManager): Promise<Participant | null> {
    const rows: ParticipantRow[] = await this.m(manager).query(
      `SELECT ${PARTICIPANT_COLUMNS} FROM meeting_participants p JOIN users u ON u.id = p.user_id
        WHERE p.meeting_id = $1 AND p.user_id = $2`,
      [meetingId, userId],
    );
    return rows[0] ? toParticipant(rows[0]) : null;
  }

  async insertParticipant(
    manager: EntityManager,
    p: { meetingId: string; userId: string; role: MeetingRole; addedAt: Date; addedSeq: number },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO meeting_participants (meeting_id, user_id, role, invitation, added_at, added_seq)
       VALUES ($1, $2, $3, 'pending', $4, $5)`,
      [p.meetingId, p.userId, p.role, p.addedAt, p.addedSeq],
    );
  }

  async deleteParticipant(manager: EntityManager, meetingId: string, userId: string): Promise<void> {
    await manager.query('DELETE FROM meeting_participants WHERE meeting_id = $1 AND user_id = $2', [
      meetingId,
      userId,
    ]);
  }

  async setParticipantRole(
    manager: EntityManager,
    meetingId: string,
    userId: string,
    role: MeetingRole,
  ): Promise<void> {
    await manager.query('UPDATE meeting_participants SET role = $3 WHERE meeting_id = $1 AND user_id = $2', [
      meetingId,
      userId,
      role,
    ]);
  }

  async setInvitation(
    manager: EntityManager,
    meetingId: string,
    userId: string,
    invitation: InvitationStatus,
    reason: string | null,
    at: Date,
  ): Promise<void> {
    await manager.query(
      `UPDATE meeting_participants SET invitation = $3, decline_reason = $4, responded_at = $5
        WHERE meeting_id = $1 AND user_id = $2`,
      [meetingId, userId, invitation, reason, at],
    );
  }

  /** The user ids holding a role in the meeting. */
  async usersWithRole(manager: EntityManager, meetingId: string, role: MeetingRole): Promise<string[]> {
    const rows: { user_id: string }[] = await manager.query(
      'SELECT user_id FROM meeting_participants WHERE meeting_id = $1 AND role = $2 ORDER BY user_id',
      [meetingId, role],
    );
    return rows.map((r) => r.user_id);
  }

  async countRole(manager: EntityManager, meetingId: string, role: MeetingRole): Promise<number> {
    const rows: { n: number }[] = await manager.query(
      'SELECT count(*)::int AS n FROM meeting_participants WHERE meeting_id = $1 AND role = $2',
      [meetingId, role],
    );
    return rows[0].n;
  }

  /** Participants to notify (all but `exceptUserId`), active accounts only. */
  async recipients(manager: EntityManager, meetingId: string, exceptUserId?: string): Promise<Recipient[]> {
    const rows: { user_id: string; full_name: string; email: string | null }[] = await manager.query(
      `SELECT p.user_id, u.full_name, u.email FROM meeting_participants p JOIN users u ON u.id = p.user_id
        WHERE p.meeting_id = $1 AND u.active AND ($2::uuid IS NULL OR p.user_id <> $2::uuid)
        ORDER BY p.added_seq`,
      [meetingId, exceptUserId ?? null],
    );
    return rows.map((r) => ({ userId: r.user_id, fullName: r.full_name, email: r.email }));
  }

  async recipient(manager: EntityManager, userId: string): Promise<Recipient | null> {
    const rows: { id: string; full_name: string; email: string | null }[] = await manager.query(
      'SELECT id, full_name, email FROM users WHERE id = $1 AND active',
      [userId],
    );
    return rows[0] ? { userId: rows[0].id, fullName: rows[0].full_name, email: rows[0].email } : null;
  }

  /** An active user as others see them, or null. */
  async activeUser(userId: string, manager?: EntityManager): Promise<UserSummary | null> {
    const rows: { id: string; username: string; full_name: string; title: string; unit: string }[] =
      await this.m(manager).query(
        'SELECT id, username, full_name, title, unit FROM users WHERE id = $1 AND active',
        [userId],
      );
    const r = rows[0];
    return r ? { id: r.id, username: r.username, fullName: r.full_name, title: r.title, unit: r.unit } : null;
  }

  /** May this active account create meetings (an organiser or a system admin)? Read fresh, never from the token. */
  async mayOrganise(userId: string): Promise<boolean> {
    const rows: { may: boolean }[] = await this.dataSource.query(
      `SELECT (system_role = 'admin' OR can_organise) AS may FROM users WHERE id = $1 AND active`,
      [userId],
    );
    return rows[0]?.may === true;
  }

  /** Active users matching `q` in name, username, title or unit, ignoring case, diacritics and Unicode form. */
  async candidates(q: string | undefined, limit = 50): Promise<UserSummary[]> {
    const text = searchQuery(q);
    const pattern = text ? containsPattern(text) : null;
    const matches = ['full_name', 'username', 'title', 'unit']
      .map((c) => `${folded(c)} LIKE ${folded('$1')}`)
      .join(' OR ');
    const rows: { id: string; username: string; full_name: string; title: string; unit: string }[] =
      await this.dataSource.query(
        `SELECT id, username, full_name, title, unit FROM users
          WHERE active AND ($1::text IS NULL OR ${matches})
          ORDER BY full_name, username LIMIT $2`,
        [pattern, limit],
      );
    return rows.map((r) => ({
      id: r.id,
      username: r.username,
      fullName: r.full_name,
      title: r.title,
      unit: r.unit,
    }));
  }

  /**
   * "My meetings": those the user takes part in (all of them for a system admin), filtered by
   * scope (meetingListScopes at `now`), calendar range and status.
   */
  async list(
    user: { id: string; isAdmin: boolean },
    query: MeetingListQuery,
    now: Date,
  ): Promise<MeetingListItem[]> {
    const where: string[] = ['(p.user_id IS NOT NULL OR $2::boolean)'];
    const params: unknown[] = [user.id, user.isAdmin];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    const finished = `m.status IN (${FINISHED_STATUSES.map((s) => `'${s}'`).join(',')})`;
    let order = 'm.starts_at ASC, m.id';
    // meetingListScopes (libs/common) in SQL: only holding a meeting moves it to "past", never the
    // clock; an overdue meeting (scheduled, its start passed) stays in "upcoming" and "today".
    if (query.scope === 'today') {
      const day = localDayRange(now);
      params.push(day.to, day.from, now);
      const [to, from, at] = [params.length - 2, params.length - 1, params.length];
      where.push(
        `((m.starts_at < $${to} AND m.ends_at > $${from}) OR m.status = 'live'` +
          ` OR (m.status = 'scheduled' AND m.starts_at <= $${at}))`,
      );
    } else if (query.scope === 'upcoming') {
      where.push(`NOT ${finished}`);
    } else if (query.scope === 'past') {
      where.push(finished);
      order = 'm.starts_at DESC, m.id';
    }
    if (query.from) add('m.ends_at > ?', new Date(query.from));
    if (query.to) add('m.starts_at < ?', new Date(query.to));
    if (query.status) add('m.status = ?', query.status);
    const text = searchQuery(query.q);
    if (text) {
      const fields = ['m.title', 'm.organizer_unit', "coalesce(m.location, '')"].map(folded);
      params.push(containsPattern(text));
      where.push(`(${fields.map((f) => `${f} LIKE ${folded(`$${params.length}`)}`).join(' OR ')})`);
    }
    const rows: (Record<string, unknown> & {
      my_role: MeetingRole | null;
      my_invitation: InvitationStatus | null;
      participant_count: number;
      agenda_item_count: number;
    })[] = await this.dataSource.query(
      `SELECT m.id, m.title, m.kind, m.organizer_unit, m.starts_at, m.ends_at, m.location, m.online, m.description,
              m.status, m.last_seq, m.created_by_id, m.created_at,
              p.role AS my_role, p.invitation AS my_invitation,
              (SELECT count(*)::int FROM meeting_participants x WHERE x.meeting_id = m.id) AS participant_count,
              (SELECT count(*)::int FROM agenda_items a WHERE a.meeting_id = m.id) AS agenda_item_count
         FROM meetings m
         LEFT JOIN meeting_participants p ON p.meeting_id = m.id AND p.user_id = $1
        WHERE ${where.join(' AND ')}
        ORDER BY ${order}
        LIMIT 500`,
      params,
    );
    return rows.map((r) => ({
      ...rawToMeeting(r),
      myRole: r.my_role,
      myInvitation: r.my_invitation,
      participantCount: r.participant_count,
      agendaItemCount: r.agenda_item_count,
    }));
  }

  /** Meetings of a user's calendar feed: not drafts, from `since` on. */
  async forCalendar(userId: string, since: Date): Promise<Meeting[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT m.* FROM meetings m JOIN meeting_participants p ON p.meeting_id = m.id AND p.user_id = $1
        WHERE m.status <> 'draft' AND m.ends_at >= $2 ORDER BY m.starts_at LIMIT 1000`,
      [userId, since],
    );
    return rows.map(rawToMeeting);
  }
}
