import type { MajorityRule, PollKind, PollOption, PollResult } from '@phonghop/common';
import { ballotsDigestText, canonicalJson, computePollResult } from '@phonghop/common';
import { describeVerdict, RowQuery, verifyMeetingChain } from '../meeting-events/chain-verify';
import { sha256Hex } from './receipt';

export interface PollVerdict {
  ok: boolean;
  /** What was checked, one line each, `OK …` or `BROKEN …`. */
  lines: string[];
}

interface PollRow {
  meeting_id: string;
  status: string;
  secret: boolean;
  kind: PollKind;
  options: PollOption[];
  max_choices: number;
  seats: number | null;
  rule: MajorityRule;
  members: number | null;
  ballots_hash: string | null;
}

/**
 * Recounts a closed poll from its stored ballots and checks it against the meeting's hash chain
 * (`npm run poll:verify`): the chain is intact; the `poll.closed` event's hash over the ballots
 * equals the hash of the ballots stored now; the recount equals the event's result; there are no
 * more ballots than voters, and (secret) exactly one ballot per voter marker; once published, the
 * published receipts are exactly the stored ones. Null when there is no such poll.
 */
export async function verifyPoll(query: RowQuery, pollId: string): Promise<PollVerdict | null> {
  const polls = await query<PollRow>(
    `SELECT meeting_id, status, secret, kind, options, max_choices, seats, rule, members, ballots_hash
       FROM polls WHERE id = $1`,
    [pollId],
  );
  if (polls.length === 0) return null;
  const p = polls[0];
  const lines: string[] = [];
  let ok = true;
  const check = (pass: boolean, okText: string, brokenText: string) => {
    lines.push(pass ? `OK ${okText}` : `BROKEN ${brokenText}`);
    ok &&= pass;
  };
  if (p.status !== 'closed' && p.status !== 'published') {
    return { ok: false, lines: [`NOT CLOSED ${pollId}: the poll is ${p.status}; nothing to verify yet`] };
  }

  const chain = await verifyMeetingChain(query, p.meeting_id);
  check(
    !!chain?.ok,
    `meeting ${p.meeting_id}: hash chain intact`,
    chain ? describeVerdict(p.meeting_id, chain) : 'meeting missing',
  );

  const events = await query<{ type: string; payload: Record<string, unknown> }>(
    `SELECT type, payload FROM meeting_events
      WHERE meeting_id = $1 AND type IN ('poll.closed', 'poll.published') AND payload->>'pollId' = $2
      ORDER BY seq`,
    [p.meeting_id, pollId],
  );
  const closed = events.find((e) => e.type === 'poll.closed')?.payload as
    { result: PollResult; ballotsHash: string } | undefined;
  if (!closed) return { ok: false, lines: [...lines, `BROKEN ${pollId}: no poll.closed event in the log`] };

  const ballots = await query<{ receipt: string; choices: string[] }>(
    p.secret
      ? 'SELECT receipt, choices FROM poll_secret_ballots WHERE poll_id = $1'
      : 'SELECT receipt, choices FROM poll_ballots WHERE poll_id = $1',
    [pollId],
  );
  const hash = sha256Hex(ballotsDigestText(ballots));
  check(
    hash === closed.ballotsHash,
    `${ballots.length} stored ballot(s) match the hash in the log (${hash.slice(0, 16)}…)`,
    `the stored ballots do not match the log: sha256 now ${hash}, at close ${closed.ballotsHash}`,
  );
  check(
    p.ballots_hash === closed.ballotsHash,
    'the poll row keeps the logged hash',
    "the poll row's ballots_hash differs from the log",
  );

  const voters = (
    await query<{ n: number }>('SELECT count(*)::int AS n FROM poll_voters WHERE poll_id = $1', [pollId])
  )[0].n;
  const recount = computePollResult(
    { kind: p.kind, options: p.options, maxChoices: p.max_choices, seats: p.seats, rule: p.rule },
    { voters, members: p.members ?? 0 },
    ballots,
  );
  check(
    canonicalJson(recount) === canonicalJson(closed.result),
    `recount equals the logged result (${recount.passed ? 'passed' : 'not passed'}; ${recount.options.map((o) => `${o.optionId}=${o.count}`).join(' ')})`,
    `recount differs from the logged result:\n  recount: ${canonicalJson(recount)}\n  logged:  ${canonicalJson(closed.result)}`,
  );
  check(
    ballots.length <= voters,
    `${ballots.length} ballot(s) for ${voters} voter(s)`,
    `${ballots.length} ballots but only ${voters} voters`,
  );
  if (p.secret) {
    const markers = (
      await query<{ n: number }>('SELECT count(*)::int AS n FROM poll_secret_markers WHERE poll_id = $1', [
        pollId,
      ])
    )[0].n;
    check(
      markers === ballots.length,
      `one ballot per voter who voted (${markers})`,
      `${markers} voter marker(s) but ${ballots.length} ballot(s)`,
    );
  }
  const published = events.find((e) => e.type === 'poll.published')?.payload as
    { receipts: string[] } | undefined;
  if (published) {
    const stored = ballots.map((b) => b.receipt).sort();
    check(
      canonicalJson(stored) === canonicalJson(published.receipts),
      `the ${published.receipts.length} published receipt(s) are exactly the stored ones`,
      'the published receipts differ from the stored ballots',
    );
  }
  return { ok, lines };
}
