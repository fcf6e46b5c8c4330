import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AttendanceRecord, MeetingRole, Poll, PollsState, PollVoter } from '@phonghop/common';
import { DataSource, EntityManager } from 'typeorm';
import { PollEntity } from './poll.entity';
import { PollVoterEntity } from './poll-voter.entity';

/** A ballot as the count and the hash see it. */
export interface StoredBallot {
  receipt: string;
  choices: string[];
}

/** A named ballot with its voter. */
export interface StoredNamedBallot extends StoredBallot {
  userId: string;
  castById: string;
  idempotencyKey: string;
  /** Keys of the casts this ballot replaced. */
  previousKeys?: string[];
}

/** Every query of polls, their voters and their ballots. Returns plain objects. */
@Injectable()
export class PollsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** The polls slice of the snapshot: every poll of the meeting in creation order, with its voters. */
  async state(meetingId: string, manager?: EntityManager): Promise<PollsState> {
    const m = this.m(manager);
    const rows = await m
      .getRepository(PollEntity)
      .find({ where: { meetingId }, order: { createdSeq: 'ASC' } });
    if (rows.length === 0) return { items: [] };
    const voters: (PollVoter & { pollId: string })[] = await m.query(
      `SELECT v.poll_id AS "pollId", v.user_id AS "userId", v.holder_id AS "holderId", v.late
         FROM poll_voters v JOIN polls p ON p.id = v.poll_id
        WHERE p.meeting_id = $1 ORDER BY v.poll_id, v.position`,
      [meetingId],
    );
    const byPoll = new Map<string, PollVoter[]>();
    for (const v of voters) {
      const list = byPoll.get(v.pollId) ?? [];
      list.push({ userId: v.userId, holderId: v.holderId, late: v.late });
      byPoll.set(v.pollId, list);
    }
    return { items: rows.map((r) => toPoll(r, byPoll.get(r.id) ?? [])) };
  }

  /**
   * One poll of the meeting (null when none). `lock`: `update` for the commands that change its
   * status (they wait for casts in flight), `share` for casts (many at once; none can pass a close).
   */
  async find(
    manager: EntityManager,
    meetingId: string,
    pollId: string,
    lock?: 'update' | 'share',
  ): Promise<PollEntity | null> {
    const query = manager
      .getRepository(PollEntity)
      .createQueryBuilder('p')
      .where('p.id = :pollId AND p.meeting_id = :meetingId', { pollId, meetingId });
    if (lock === 'update') query.setLock('pessimistic_write');
    if (lock === 'share') query.setLock('pessimistic_read');
    return query.getOne();
  }

  async voters(manager: EntityManager, pollId: string): Promise<PollVoter[]> {
    const rows = await manager
      .getRepository(PollVoterEntity)
      .find({ where: { pollId }, order: { position: 'ASC' } });
    return rows.map((v) => ({ userId: v.userId, holderId: v.holderId, late: v.late }));
  }

  async voter(manager: EntityManager, pollId: string, userId: string): Promise<PollVoter | null> {
    const v = await manager.getRepository(PollVoterEntity).findOne({ where: { pollId, userId } });
    return v ? { userId: v.userId, holderId: v.holderId, late: v.late } : null;
  }

  async insert(manager: EntityManager, poll: PollEntity): Promise<void> {
    await manager.getRepository(PollEntity).insert(poll);
  }

  async update(manager: EntityManager, pollId: string, patch: Partial<PollEntity>): Promise<void> {
    await manager.getRepository(PollEntity).update({ id: pollId }, patch);
  }

  async delete(manager: EntityManager, pollId: string): Promise<void> {
    await manager.getRepository(PollEntity).delete({ id: pollId });
  }

  async addVoters(
    manager: EntityManager,
    pollId: string,
    voters: PollVoter[],
    firstPosition: number,
  ): Promise<void> {
    if (voters.length === 0) return;
    await manager
      .getRepository(PollVoterEntity)
      .insert(voters.map((v, i) => ({ pollId, ...v, position: firstPosition + i })));
  }

  /** Open polls whose `closesAt` is before `before`, oldest first (every node sweeps them). */
  async overdueOpen(before: Date): Promise<{ pollId: string; meetingId: string }[]> {
    return this.dataSource.query(
      `SELECT id AS "pollId", meeting_id AS "meetingId" FROM polls
        WHERE status = 'open' AND closes_at < $1 ORDER BY closes_at LIMIT 50`,
      [before],
    );
  }

  async countVoters(manager: EntityManager, pollId: string): Promise<number> {
    const rows: { n: number }[] = await manager.query(
      'SELECT count(*)::int AS n FROM poll_voters WHERE poll_id = $1',
      [pollId],
    );
    return rows[0].n;
  }

  // ---- meeting facts the rules need -------------------------------------------------------

  async members(manager: EntityManager, meetingId: string): Promise<{ userId: string; role: MeetingRole }[]> {
    return manager.query(
      `SELECT user_id AS "userId", role FROM meeting_participants WHERE meeting_id = $1 ORDER BY added_seq, user_id`,
      [meetingId],
    );
  }

  async agendaItemExists(manager: EntityManager, meetingId: string, itemId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'SELECT 1 FROM agenda_items WHERE meeting_id = $1 AND id = $2',
      [meetingId, itemId],
    );
    return rows.length > 0;
  }

  async attendanceOf(
    manager: EntityManager,
    meetingId: string,
    userId: string,
  ): Promise<{ role: MeetingRole | null; status: AttendanceRecord['status'] | undefined }> {
    const rows: { role: MeetingRole; status: AttendanceRecord['status'] | null }[] = await manager.query(
      `SELECT p.role, a.status FROM meeting_participants p
         LEFT JOIN attendance_records a ON a.meeting_id = p.meeting_id AND a.user_id = p.user_id
        WHERE p.meeting_id = $1 AND p.user_id = $2`,
      [meetingId, userId],
    );
    return { role: rows[0]?.role ?? null, status: rows[0]?.status ?? undefined };
  }

  /** The display names of the chair(s) and secretary(ies), for the results PDF. */
  async officers(meetingId: string): Promise<{ role: MeetingRole; fullName: string }[]> {
    return this.dataSource.query(
      `SELECT p.role, u.full_name AS "fullName" FROM meeting_participants p JOIN users u ON u.id = p.user_id
        WHERE p.meeting_id = $1 AND p.role IN ('chair','secretary') ORDER BY p.role, u.full_name`,
      [meetingId],
    );
  }

  async userNames(userIds: string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows: { id: string; fullName: string }[] = await this.dataSource.query(
      'SELECT id, full_name AS "fullName" FROM users WHERE id = ANY($1::uuid[])',
      [userIds],
    );
    return new Map(rows.map((r) => [r.id, r.fullName]));
  }

  // ---- the cast in one statement --------------------------------------------------------

  /**
   * The common cast — a first ballot, in time, by the holder of the right — as ONE statement, so
   * its own transaction (autocommit): one round trip where the full path takes eight (BEGIN, the
   * access check, the poll row, the right, the replay check, the marker, the ballot, COMMIT). It
   * does what that path does, in the same order and under the same locks:
   * 1. the caller's authority: a live session of an active user who takes part in the meeting (or
   *    is a system admin) — as MeetingAccessService.open;
   * 2. the poll row FOR SHARE, open and before `closesAt` (`now` is the node's clock, as the full
   *    path's check) — a close (FOR UPDATE) waits for this statement and then sees its ballot; a
   *    cast that waited for a close re-reads the row and finds it closed;
   * 3. the right: a `poll_voters` row of `userId` whose holder is the caller;
   * 4. the write under the constraints: named — the ballot, `ON CONFLICT DO NOTHING` (a second
   *    ballot or a reused receipt writes nothing); secret — the marker `ON CONFLICT DO NOTHING`
   *    and, only if it was written, the ballot into the box. The box insert has no ON CONFLICT: a
   *    receipt already in the box (a key reused for another voter) fails the whole statement with
   *    `uq_poll_ballot_box_receipt`, so the marker is never written without its ballot.
   * True when the ballot was written (committed when this returns). False in every other case —
   * refused, already voted, a retry — and the caller then takes the full path, which gives the
   * exact answer.
   */
  async castInOneStatement(c: {
    sessionId: string;
    callerId: string;
    meetingId: string;
    pollId: string;
    userId: string;
    secret: boolean;
    now: Date;
    ballot: StoredBallot;
    idempotencyKey: string;
  }): Promise<boolean> {
    const checks = `
      WITH auth AS (
        SELECT 1 FROM auth_sessions s JOIN users u ON u.id = s.user_id AND u.active
         WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now()
           AND (u.system_role = 'admin'
                OR EXISTS (SELECT 1 FROM meeting_participants mp WHERE mp.meeting_id = $3 AND mp.user_id = $2))
      ), poll AS (
        SELECT p.id FROM polls p
         WHERE p.id = $4 AND p.meeting_id = $3 AND p.status = 'open'
           AND (p.closes_at IS NULL OR p.closes_at > $5) AND EXISTS (SELECT 1 FROM auth)
           FOR SHARE
      ), voter AS (
        SELECT v.user_id FROM poll_voters v JOIN poll ON poll.id = v.poll_id
         WHERE v.poll_id = $4 AND v.user_id = $6 AND v.holder_id = $2
      )`;
    const write = c.secret
      ? `, marker AS (
           INSERT INTO poll_secret_markers (poll_id, user_id) SELECT $4, user_id FROM voter
           ON CONFLICT DO NOTHING RETURNING 1
         ), written AS (
           INSERT INTO poll_ballot_box (id, poll_id, choices, receipt) SELECT $7, $4, $8::jsonb, $9 FROM marker
           RETURNING 1
         )`
      : `, written AS (
           INSERT INTO poll_ballots (poll_id, user_id, cast_by_id, choices, receipt, idempotency_key, cast_at)
           SELECT $4, user_id, $2, $8::jsonb, $9, $7, $5 FROM voter
           ON CONFLICT DO NOTHING RETURNING 1
         )`;
    const rows: { written: number }[] = await this.dataSource.query(
      `${checks}${write} SELECT count(*)::int AS written FROM written`,
      [
        c.sessionId,
        c.callerId,
        c.meetingId,
        c.pollId,
        c.now,
        c.userId,
        // Secret: the box row's random id; named: the cast's idempotency key.
        c.secret ? randomUUID() : c.idempotencyKey,
        JSON.stringify(c.ballot.choices),
        c.ballot.receipt,
      ],
    );
    return rows[0].written > 0;
  }

  // ---- named ballots ----------------------------------------------------------------------

  /** Inserts the ballot unless the voter has one (or the receipt is taken); true when inserted. */
  async insertNamedBallot(
    manager: EntityManager,
    pollId: string,
    b: StoredNamedBallot,
    at: Date,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO poll_ballots (poll_id, user_id, cast_by_id, choices, receipt, idempotency_key, cast_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING 1`,
      [pollId, b.userId, b.castById, JSON.stringify(b.choices), b.receipt, b.idempotencyKey, at],
    );
    return rows.length > 0;
  }

  async namedBallot(
    manager: EntityManager,
    pollId: string,
    userId: string,
  ): Promise<StoredNamedBallot | null> {
    const rows: StoredNamedBallot[] = await manager.query(
      `SELECT user_id AS "userId", cast_by_id AS "castById", choices, receipt, idempotency_key AS "idempotencyKey",
              previous_keys::text[] AS "previousKeys"
         FROM poll_ballots WHERE poll_id = $1 AND user_id = $2 FOR UPDATE`,
      [pollId, userId],
    );
    return rows[0] ?? null;
  }

  /** Replaces a named ballot (allowChange); false when the new receipt is taken by another ballot. */
  async replaceNamedBallot(
    manager: EntityManager,
    pollId: string,
    b: StoredNamedBallot,
    at: Date,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `UPDATE poll_ballots SET cast_by_id = $3, choices = $4, receipt = $5, idempotency_key = $6, cast_at = $7,
              previous_keys = array_append(previous_keys, idempotency_key)
        WHERE poll_id = $1 AND user_id = $2
          AND NOT EXISTS (SELECT 1 FROM poll_ballots o WHERE o.poll_id = $1 AND o.receipt = $5)
        RETURNING 1`,
      [pollId, b.userId, b.castById, JSON.stringify(b.choices), b.receipt, b.idempotencyKey, at],
    );
    return rows.length > 0;
  }

  async namedBallots(manager: EntityManager, pollId: string): Promise<StoredNamedBallot[]> {
    return manager.query(
      `SELECT user_id AS "userId", cast_by_id AS "castById", choices, receipt, idempotency_key AS "idempotencyKey"
         FROM poll_ballots WHERE poll_id = $1 ORDER BY receipt`,
      [pollId],
    );
  }

  async namedBallotsOf(
    manager: EntityManager,
    pollId: string,
    userIds: string[],
  ): Promise<StoredNamedBallot[]> {
    return manager.query(
      `SELECT user_id AS "userId", cast_by_id AS "castById", choices, receipt, idempotency_key AS "idempotencyKey",
              previous_keys::text[] AS "previousKeys"
         FROM poll_ballots WHERE poll_id = $1 AND user_id = ANY($2::uuid[])`,
      [pollId, userIds],
    );
  }

  // ---- secret ballots ---------------------------------------------------------------------

  /** Marks that the voter has voted unless already marked; true when marked now. */
  async markSecretVoter(manager: EntityManager, pollId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'INSERT INTO poll_secret_markers (poll_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1',
      [pollId, userId],
    );
    return rows.length > 0;
  }

  async markedVoters(manager: EntityManager, pollId: string, userIds: string[]): Promise<Set<string>> {
    const rows: { userId: string }[] = await manager.query(
      'SELECT user_id AS "userId" FROM poll_secret_markers WHERE poll_id = $1 AND user_id = ANY($2::uuid[])',
      [pollId, userIds],
    );
    return new Set(rows.map((r) => r.userId));
  }

  /** Drops a secret ballot into the box: a random id, the choices, the receipt — no voter, no time. */
  async insertIntoBox(manager: EntityManager, pollId: string, id: string, b: StoredBallot): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO poll_ballot_box (id, poll_id, choices, receipt) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [id, pollId, JSON.stringify(b.choices), b.receipt],
    );
    return rows.length > 0;
  }

  async boxBallot(manager: EntityManager, pollId: string, receipt: string): Promise<StoredBallot | null> {
    const rows: StoredBallot[] = await manager.query(
      'SELECT receipt, choices FROM poll_ballot_box WHERE poll_id = $1 AND receipt = $2',
      [pollId, receipt],
    );
    return rows[0] ?? null;
  }

  /**
   * Locks the box exclusively until commit (casts of other secret polls wait for the close). Taken
   * before the close reads the box: reading first and locking after would be a lock upgrade, and
   * two closes doing that at once deadlock. Taken before the poll row too (see `lockBoxForCast`).
   */
  async lockBox(manager: EntityManager): Promise<void> {
    await manager.query('LOCK TABLE poll_ballot_box IN ACCESS EXCLUSIVE MODE');
  }

  /**
   * A cast's hold on the box, before it locks the poll row. Every writer of the box takes the box
   * first and the poll row after: the cast in one statement locks the tables it names when the
   * statement starts, before it reaches the row. A close taking the row first then the box would wait
   * for such a cast while the cast waits for the row: a deadlock, which PostgreSQL breaks by failing
   * one of them (a close came back INTERNAL_ERROR in CI).
   */
  async lockBoxForCast(manager: EntityManager): Promise<void> {
    await manager.query('LOCK TABLE poll_ballot_box IN ROW EXCLUSIVE MODE');
  }

  async boxBallots(manager: EntityManager, pollId: string): Promise<StoredBallot[]> {
    return manager.query('SELECT receipt, choices FROM poll_ballot_box WHERE poll_id = $1', [pollId]);
  }

  /**
   * At close, in the close's transaction: writes the poll's ballots into poll_secret_ballots in the
   * order given (the caller shuffles), then empties the box with TRUNCATE — which gives the table new,
   * empty files and drops the old ones at commit, whatever other transactions might still see —
   * and puts back the ballots of other secret polls still open (shuffled too). So no page of the box
   * keeps a closed poll's ballots with their cast transaction ids and order. Call lockBox first.
   */
  async sealBox(
    manager: EntityManager,
    pollId: string,
    shuffled: StoredBallot[],
    shuffle: <T>(items: readonly T[]) => T[],
  ): Promise<void> {
    await insertRecords(
      manager,
      `INSERT INTO poll_secret_ballots (poll_id, position, choices, receipt)
       SELECT $1, t.position, t.choices, t.receipt
         FROM jsonb_to_recordset($2::jsonb) AS t(position int, choices jsonb, receipt varchar) ORDER BY t.position`,
      shuffled.map((b, i) => ({ position: i + 1, choices: b.choices, receipt: b.receipt })),
      [pollId],
    );
    const others: { id: string; pollId: string; choices: string[]; receipt: string }[] = await manager.query(
      'SELECT id, poll_id AS "pollId", choices, receipt FROM poll_ballot_box WHERE poll_id <> $1',
      [pollId],
    );
    await manager.query('TRUNCATE poll_ballot_box');
    await insertRecords(
      manager,
      `INSERT INTO poll_ballot_box (id, poll_id, choices, receipt)
       SELECT t.id, t.poll_id, t.choices, t.receipt
         FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (id uuid, poll_id uuid, choices jsonb, receipt varchar))
              WITH ORDINALITY AS t(id, poll_id, choices, receipt, n)
        ORDER BY t.n`,
      shuffle(others).map((b) => ({ id: b.id, poll_id: b.pollId, choices: b.choices, receipt: b.receipt })),
    );
  }

  async secretBallots(manager: EntityManager, pollId: string): Promise<StoredBallot[]> {
    return manager.query(
      'SELECT receipt, choices FROM poll_secret_ballots WHERE poll_id = $1 ORDER BY position',
      [pollId],
    );
  }

  // ---- progress ---------------------------------------------------------------------------

  async progress(
    pollId: string,
    secret: boolean,
    withTally: boolean,
  ): Promise<{ cast: number; voters: number; tally: Map<string, number> | null }> {
    const table = secret ? 'poll_secret_markers' : 'poll_ballots';
    const rows: { cast: number; voters: number }[] = await this.dataSource.query(
      `SELECT (SELECT count(*)::int FROM ${table} WHERE poll_id = $1) AS cast,
              (SELECT count(*)::int FROM poll_voters WHERE poll_id = $1) AS voters`,
      [pollId],
    );
    let tally: Map<string, number> | null = null;
    if (withTally && !secret) {
      const counts: { optionId: string; n: number }[] = await this.dataSource.query(
        `SELECT c AS "optionId", count(*)::int AS n
           FROM poll_ballots, jsonb_array_elements_text(choices) AS c WHERE poll_id = $1 GROUP BY c`,
        [pollId],
      );
      tally = new Map(counts.map((c) => [c.optionId, c.n]));
    }
    return { ...rows[0], tally };
  }
}

/** Runs an INSERT … SELECT FROM jsonb_to_recordset(<records>) in chunks of 1,000; the records are the last parameter. */
async function insertRecords(
  manager: EntityManager,
  sql: string,
  records: object[],
  params: unknown[] = [],
): Promise<void> {
  for (let i = 0; i < records.length; i += 1000) {
    await manager.query(sql, [...params, JSON.stringify(records.slice(i, i + 1000))]);
  }
}

export function toPoll(r: PollEntity, voters: PollVoter[]): Poll {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: r.id,
    meetingId: r.meetingId,
    agendaItemId: r.agendaItemId,
    title: r.title,
    description: r.description,
    kind: r.kind,
    secret: r.secret,
    options: r.options,
    maxChoices: r.maxChoices,
    seats: r.seats,
    rule: r.rule,
    allowChange: r.allowChange,
    showLiveTally: r.showLiveTally,
    durationSeconds: r.durationSeconds,
    status: r.status,
    createdById: r.createdById,
    createdAt: r.createdAt.toISOString(),
    openedAt: iso(r.openedAt),
    closesAt: iso(r.closesAt),
    closedAt: iso(r.closedAt),
    publishedAt: iso(r.publishedAt),
    members: r.members,
    quorum: r.quorum,
    voters,
    result: r.result,
    ballotsHash: r.ballotsHash,
    receipts: r.receipts,
    votes: r.votes,
  };
}
