import { createHash } from 'node:crypto';
import { canonicalJson } from '@phonghop/common';

/** prev_hash of a meeting's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an event the hash covers — everything a reader relies on. */
export interface HashedEvent {
  meetingId: string;
  seq: number;
  type: string;
  payload: unknown;
  actorId: string | null;
  /** ISO 8601 with milliseconds, as sent to clients. */
  at: string;
}

/**
 * The one hash function of the log, used when appending and when verifying:
 * sha256 over `prevHash`, a newline and the canonical JSON of the event. Changing any field of any
 * row, or removing or reordering rows, breaks the chain from that row on.
 */
export function hashEvent(prevHash: string, event: HashedEvent): string {
  const body = canonicalJson({
    meetingId: event.meetingId,
    seq: event.seq,
    type: event.type,
    payload: event.payload,
    actorId: event.actorId,
    at: event.at,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** sha256 of a command request, for idempotency receipts. */
export function hashRequest(command: string, meetingId: string, request: unknown): string {
  return createHash('sha256').update(canonicalJson({ command, meetingId, request })).digest('hex');
}

export interface StoredEventRow extends HashedEvent {
  prevHash: string;
  hash: string;
}

export type ChainVerdict =
  | { ok: true; count: number; lastHash: string }
  | {
      ok: false;
      seq: number;
      reason: 'hash' | 'prev_hash' | 'seq_gap' | 'head';
      expected: string;
      stored: string;
      count: number;
    };

/**
 * Walks a meeting's rows in seq order and names the first broken link: a row whose stored hash is
 * not the recomputed one, whose prev_hash is not the previous row's hash, a missing seq, or a head
 * (meetings.last_seq/last_hash) that does not match the last row.
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private prev = GENESIS_HASH;
  private count = 0;
  private broken: ChainVerdict | null = null;

  /** Feed rows in seq order; returns false once broken (stop feeding). */
  push(row: StoredEventRow): boolean {
    if (this.broken) return false;
    if (row.seq !== this.expectedSeq) {
      this.broken = this.fail(this.expectedSeq, 'seq_gap', String(this.expectedSeq), String(row.seq));
      return false;
    }
    if (row.prevHash !== this.prev) {
      this.broken = this.fail(row.seq, 'prev_hash', this.prev, row.prevHash);
      return false;
    }
    const recomputed = hashEvent(this.prev, row);
    if (recomputed !== row.hash) {
      this.broken = this.fail(row.seq, 'hash', recomputed, row.hash);
      return false;
    }
    this.prev = row.hash;
    this.expectedSeq += 1;
    this.count += 1;
    return true;
  }

  /** The verdict, checking the meeting's head against the last row. */
  finish(head: { lastSeq: number; lastHash: string }): ChainVerdict {
    if (this.broken) return this.broken;
    if (head.lastSeq !== this.count) {
      return this.fail(this.count + 1, 'seq_gap', String(head.lastSeq), String(this.count));
    }
    if (head.lastHash !== this.prev) return this.fail(head.lastSeq, 'head', this.prev, head.lastHash);
    return { ok: true, count: this.count, lastHash: this.prev };
  }

  private fail(
    seq: number,
    reason: 'hash' | 'prev_hash' | 'seq_gap' | 'head',
    expected: string,
    stored: string,
  ): ChainVerdict {
    return { ok: false, seq, reason, expected, stored, count: this.count };
  }
}
