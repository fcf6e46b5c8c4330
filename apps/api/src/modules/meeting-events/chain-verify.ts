import { ChainVerdict, ChainVerifier } from './event-hash';
import { EventRow, toStored } from './meeting-events.repository';

/** Anything that runs a parameterised query and returns rows (a pg Client, a TypeORM manager via adapter). */
export type RowQuery = <T>(sql: string, params: unknown[]) => Promise<T[]>;

const BATCH = 1000;

/**
 * Recomputes a meeting's hash chain from the stored rows (in batches, so a long meeting does not
 * load at once) and checks the meeting's head against the last row. Null when there is no such
 * meeting. Read in one REPEATABLE READ transaction by the caller if the meeting may be live.
 */
export async function verifyMeetingChain(query: RowQuery, meetingId: string): Promise<ChainVerdict | null> {
  const heads = await query<{ last_seq: number; last_hash: string }>(
    'SELECT last_seq, last_hash FROM meetings WHERE id = $1',
    [meetingId],
  );
  if (heads.length === 0) return null;
  const verifier = new ChainVerifier();
  let after = 0;
  for (;;) {
    const rows = await query<EventRow>(
      `SELECT meeting_id, seq, type, payload, actor_id, created_at, prev_hash, hash
         FROM meeting_events WHERE meeting_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [meetingId, after, BATCH],
    );
    for (const r of rows) {
      if (!verifier.push(toStored(r)))
        return verifier.finish({ lastSeq: heads[0].last_seq, lastHash: heads[0].last_hash });
    }
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1].seq;
  }
  return verifier.finish({ lastSeq: heads[0].last_seq, lastHash: heads[0].last_hash });
}

/** One line for people: OK with the count, or the first broken link. */
export function describeVerdict(meetingId: string, v: ChainVerdict): string {
  if (v.ok) return `OK ${meetingId}: ${v.count} events, hash chain intact (head ${v.lastHash.slice(0, 16)}…)`;
  const what = {
    hash: 'stored hash does not match the recomputed hash (the row was changed)',
    prev_hash: "prev_hash does not match the previous row's hash (rows removed, inserted or reordered)",
    seq_gap: 'seq missing or out of place',
    head: "the meeting's last_hash does not match the last event",
  }[v.reason];
  return (
    `BROKEN ${meetingId} at seq ${v.seq}: ${what}\n` +
    `  expected: ${v.expected}\n` +
    `  stored:   ${v.stored}\n` +
    `  ${v.count} event(s) before it verified`
  );
}
