import { Injectable } from '@nestjs/common';
import type { MeetingEvent } from '@phonghop/common';
import { DataSource, EntityManager } from 'typeorm';
import { StoredEventRow } from './event-hash';

/** The idempotency receipt stored with a command's event (the actor is the event's actor). */
export interface ReceiptRow {
  idempotencyKey: string;
  command: string;
  requestHash: string;
  response: unknown;
}

/** A meeting_events row as PostgreSQL returns it (also read by chain-verify.ts). */
export interface EventRow {
  meeting_id: string;
  seq: number;
  type: string;
  payload: unknown;
  actor_id: string | null;
  created_at: Date;
  prev_hash: string;
  hash: string;
}

export function toStored(r: EventRow): StoredEventRow {
  return {
    meetingId: r.meeting_id,
    seq: r.seq,
    type: r.type,
    payload: r.payload,
    actorId: r.actor_id,
    at: r.created_at.toISOString(),
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** The envelope clients see (no hashes: they are for auditors). */
export function toMeetingEvent(r: StoredEventRow): MeetingEvent {
  return {
    meetingId: r.meetingId,
    seq: r.seq,
    type: r.type,
    payload: r.payload,
    actorId: r.actorId,
    at: r.at,
  } as MeetingEvent;
}

/** Queries of the meeting event log. Appending happens only in MeetingCommandService. */
@Injectable()
export class MeetingEventsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Appends the event, moves the meeting's head (last_seq, last_hash) and stores the command's
   * idempotency receipt, in one statement: a command is latency-bound (the meeting row stays
   * locked until commit), so every round trip saved here is throughput for a live meeting.
   */
  async append(manager: EntityManager, row: StoredEventRow, receipt: ReceiptRow | null): Promise<void> {
    await manager.query(
      `WITH appended AS (
         INSERT INTO meeting_events (meeting_id, seq, type, payload, actor_id, created_at, prev_hash, hash)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8)
       ), head AS (
         UPDATE meetings SET last_seq = $2, last_hash = $8 WHERE id = $1
       )
       INSERT INTO command_receipts (actor_id, idempotency_key, meeting_id, command, request_hash, response)
       SELECT $5, $9::uuid, $1, $10, $11, $12::jsonb WHERE $9::uuid IS NOT NULL`,
      [
        row.meetingId,
        row.seq,
        row.type,
        JSON.stringify(row.payload),
        row.actorId,
        row.at,
        row.prevHash,
        row.hash,
        receipt?.idempotencyKey ?? null,
        receipt?.command ?? null,
        receipt?.requestHash ?? null,
        receipt ? JSON.stringify(receipt.response) : null,
      ],
    );
  }

  /**
   * `append` for a group-commit batch: all of its events (in seq order, one meeting, chained), the
   * meeting's new head and all of its receipts, in one statement. Under load a batch's time then
   * grows with its handlers' work only, not with one more round trip per command. A receipt key
   * used twice within the batch (a retry that queued behind its first send) breaks the receipts'
   * primary key here, and the whole batch rolls back (MeetingCommandService runs each again alone).
   */
  async appendBatch(
    manager: EntityManager,
    rows: StoredEventRow[],
    receipts: (ReceiptRow & { actorId: string | null })[],
  ): Promise<void> {
    const last = rows[rows.length - 1];
    await manager.query(
      `WITH appended AS (
         INSERT INTO meeting_events (meeting_id, seq, type, payload, actor_id, created_at, prev_hash, hash)
         SELECT $1, * FROM unnest($2::int[], $3::text[], $4::jsonb[], $5::uuid[], $6::timestamptz[], $7::text[], $8::text[])
       ), head AS (
         UPDATE meetings SET last_seq = $9, last_hash = $10 WHERE id = $1
       )
       INSERT INTO command_receipts (actor_id, idempotency_key, meeting_id, command, request_hash, response)
       SELECT x.actor_id, x.idempotency_key, $1, x.command, x.request_hash, x.response
         FROM unnest($11::uuid[], $12::uuid[], $13::text[], $14::text[], $15::jsonb[])
           AS x(actor_id, idempotency_key, command, request_hash, response)`,
      [
        last.meetingId,
        rows.map((r) => r.seq),
        rows.map((r) => r.type),
        rows.map((r) => JSON.stringify(r.payload)),
        rows.map((r) => r.actorId),
        rows.map((r) => r.at),
        rows.map((r) => r.prevHash),
        rows.map((r) => r.hash),
        last.seq,
        last.hash,
        receipts.map((r) => r.actorId),
        receipts.map((r) => r.idempotencyKey),
        receipts.map((r) => r.command),
        receipts.map((r) => r.requestHash),
        receipts.map((r) => JSON.stringify(r.response)),
      ],
    );
  }

  /** Events with seq in (sinceSeq, sinceSeq + limit], in order. */
  async since(
    meetingId: string,
    sinceSeq: number,
    limit: number,
    manager?: EntityManager,
  ): Promise<MeetingEvent[]> {
    const rows: EventRow[] = await (manager ?? this.dataSource.manager).query(
      `SELECT meeting_id, seq, type, payload, actor_id, created_at, prev_hash, hash
         FROM meeting_events WHERE meeting_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [meetingId, sinceSeq, limit],
    );
    return rows.map((r) => toMeetingEvent(toStored(r)));
  }

  /** Stored rows with hashes, in seq order, one batch at a time (for the verifier). */
  async storedBatch(
    manager: EntityManager,
    meetingId: string,
    afterSeq: number,
    limit: number,
  ): Promise<StoredEventRow[]> {
    const rows: EventRow[] = await manager.query(
      `SELECT meeting_id, seq, type, payload, actor_id, created_at, prev_hash, hash
         FROM meeting_events WHERE meeting_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [meetingId, afterSeq, limit],
    );
    return rows.map(toStored);
  }

  /**
   * Deletes idempotency receipts created more than `retentionDays` ago, at most `batchSize` rows
   * per statement so a large backlog never holds long locks; returns how many were deleted.
   * The age is judged by the database's clock, the same clock that stamped `created_at`.
   */
  async purgeReceipts(retentionDays: number, batchSize: number): Promise<number> {
    let total = 0;
    for (;;) {
      const [, deleted]: [unknown, number] = await this.dataSource.manager.query(
        `DELETE FROM command_receipts WHERE ctid IN (
           SELECT ctid FROM command_receipts
            WHERE created_at < now() - make_interval(days => $1) LIMIT $2)`,
        [retentionDays, batchSize],
      );
      total += deleted;
      if (deleted < batchSize) return total;
    }
  }
}
