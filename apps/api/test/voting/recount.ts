import { createHash } from 'node:crypto';
import { ballotsDigestText } from '@phonghop/common';
import type { DataSource } from 'typeorm';

export interface Recount {
  /** Ballots per option id, counted by SQL over the stored ballots. */
  counts: Record<string, number>;
  /** Stored ballots (one row each). */
  ballots: number;
  /** Rights with a ballot: named ballots' distinct voters, or a secret poll's markers. */
  voted: number;
  /** sha256 of the stored ballots' digest text, as `poll.closed` carries it. */
  ballotsHash: string;
  /** Secret polls: ballots still in the open box (none once closed). */
  inBox: number;
}

/**
 * Recounts a closed poll straight from its tables, with none of the server's code: a named poll's
 * `poll_ballots`, a secret poll's `poll_secret_ballots` (and its voters' `poll_secret_markers`).
 */
export async function recountFromDatabase(ds: DataSource, pollId: string): Promise<Recount> {
  const [poll] = (await ds.query('SELECT secret FROM polls WHERE id = $1', [pollId])) as {
    secret: boolean;
  }[];
  if (!poll) throw new Error(`no poll ${pollId}`);
  const table = poll.secret ? 'poll_secret_ballots' : 'poll_ballots';
  const rows = (await ds.query(`SELECT receipt, choices FROM ${table} WHERE poll_id = $1`, [pollId])) as {
    receipt: string;
    choices: string[];
  }[];
  const counted = (await ds.query(
    `SELECT c AS option, count(*)::int AS n FROM ${table}, jsonb_array_elements_text(choices) c
     WHERE poll_id = $1 GROUP BY c`,
    [pollId],
  )) as { option: string; n: number }[];
  const voted = poll.secret
    ? ((await ds.query('SELECT count(*)::int AS n FROM poll_secret_markers WHERE poll_id = $1', [
        pollId,
      ])) as {
        n: number;
      }[])
    : ((await ds.query('SELECT count(DISTINCT user_id)::int AS n FROM poll_ballots WHERE poll_id = $1', [
        pollId,
      ])) as { n: number }[]);
  const inBox = poll.secret
    ? (
        (await ds.query('SELECT count(*)::int AS n FROM poll_ballot_box WHERE poll_id = $1', [pollId])) as {
          n: number;
        }[]
      )[0].n
    : 0;
  return {
    counts: Object.fromEntries(counted.map((r) => [r.option, r.n])),
    ballots: rows.length,
    voted: voted[0].n,
    ballotsHash: createHash('sha256').update(ballotsDigestText(rows)).digest('hex'),
    inBox,
  };
}
