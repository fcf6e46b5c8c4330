import type { MajorityRule, OptionResult, Poll, PollResult, RuleBase } from '../schemas/polls';
import { YES_NO_ABSTAIN_OPTION_IDS } from '../schemas/polls';
import { canonicalJson } from './canonical-json';

/*
 * The result of a poll as pure rules, shared by the server (which computes it once at close and puts
 * it on the log), `poll:verify` (which recounts it) and every screen (which shows the rule and its
 * denominator before anyone votes).
 *
 * Only ballots for an option count towards its threshold: abstentions (`abstain`), blank ballots and
 * voters who did not vote are all "not in favour". All arithmetic is in integers.
 */

/** One stored ballot: its receipt and the option ids it marks. */
export interface BallotLike {
  receipt: string;
  choices: readonly string[];
}

export type PollShape = Pick<Poll, 'kind' | 'options' | 'maxChoices' | 'seats' | 'rule'>;

/** The fraction and comparison of a rule, and what its denominator counts. */
export function ruleFraction(rule: MajorityRule): {
  base: RuleBase;
  numerator: number;
  denominator: number;
  atLeast: boolean;
} {
  switch (rule.kind) {
    case 'more_than_half_present':
      return { base: 'voters', numerator: 1, denominator: 2, atLeast: false };
    case 'more_than_half_members':
      return { base: 'members', numerator: 1, denominator: 2, atLeast: false };
    case 'two_thirds_members':
      return { base: 'members', numerator: 2, denominator: 3, atLeast: true };
    case 'custom':
      return {
        base: rule.base,
        numerator: rule.numerator,
        denominator: rule.denominator,
        atLeast: rule.atLeast,
      };
  }
}

/**
 * The smallest count that passes: more than (or at least) `base × n/d`, never less than 1 (nothing
 * passes with no ballot for it). E.g. more than half of 10 → 6, of 9 → 5; two thirds of 9 → 6, of 10 → 7.
 */
export function requiredCount(rule: MajorityRule, voters: number, members: number): number {
  const f = ruleFraction(rule);
  const base = f.base === 'voters' ? voters : members;
  const product = base * f.numerator;
  const required = f.atLeast ? Math.ceil(product / f.denominator) : Math.floor(product / f.denominator) + 1;
  return Math.max(1, required);
}

export type BallotCheck =
  | { ok: true; choices: string[] }
  | { ok: false; reason: 'unknown_option' | 'duplicate_option' | 'too_many' | 'too_few' };

/**
 * Whether `choices` is a valid ballot for the poll, and the choices in the poll's option order (so
 * the same ballot is stored and hashed the same however the tablet ordered it).
 * yes/no/abstain and single: exactly one; multiple: 0..maxChoices; election: 0..seats (0 = blank).
 */
export function checkBallot(
  poll: Pick<Poll, 'kind' | 'options' | 'maxChoices'>,
  choices: readonly string[],
): BallotCheck {
  const order = new Map(poll.options.map((o, i) => [o.id, i]));
  if (choices.some((c) => !order.has(c))) return { ok: false, reason: 'unknown_option' };
  if (new Set(choices).size !== choices.length) return { ok: false, reason: 'duplicate_option' };
  const exactlyOne = poll.kind === 'yes_no_abstain' || poll.kind === 'single';
  if (exactlyOne && choices.length === 0) return { ok: false, reason: 'too_few' };
  if (choices.length > (exactlyOne ? 1 : poll.maxChoices)) return { ok: false, reason: 'too_many' };
  return { ok: true, choices: [...choices].sort((a, b) => order.get(a)! - order.get(b)!) };
}

/** Ballots per option id (every option present, 0 when none). */
export function tallyBallots(
  options: readonly { id: string }[],
  ballots: readonly Pick<BallotLike, 'choices'>[],
): Map<string, number> {
  const counts = new Map(options.map((o) => [o.id, 0]));
  for (const b of ballots) {
    for (const c of b.choices) if (counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  return counts;
}

/** count / denominator in percent with 2 decimals (0 for an empty denominator). */
export function percentOf(count: number, denominator: number): number {
  return denominator > 0 ? Math.round((count * 10000) / denominator) / 100 : 0;
}

/**
 * The result of a poll from its ballots.
 * - yes/no/abstain: passed when `yes` reaches the threshold (abstain and no never pass);
 * - single: the option with the most ballots passes if it is alone at the top and reaches the threshold;
 * - multiple: every option that reaches the threshold passes; the poll passed if one did;
 * - election: candidates that reach the threshold, most ballots first, take the seats; candidates
 *   tied for the last seat(s) that cannot all be seated are `tied` and none of them is elected
 *   (another round decides); the poll passed when every seat is filled.
 */
export function computePollResult(
  poll: PollShape,
  counts: { voters: number; members: number },
  ballots: readonly Pick<BallotLike, 'choices'>[],
): PollResult {
  const f = ruleFraction(poll.rule);
  const denominator = f.base === 'voters' ? counts.voters : counts.members;
  const required = requiredCount(poll.rule, counts.voters, counts.members);
  const tally = tallyBallots(poll.options, ballots);
  const count = (id: string) => tally.get(id) ?? 0;
  const reaches = (id: string) => count(id) >= required;

  const passedIds = new Set<string>();
  const tiedIds = new Set<string>();
  switch (poll.kind) {
    case 'yes_no_abstain':
      if (reaches('yes')) passedIds.add('yes');
      break;
    case 'single': {
      const top = Math.max(0, ...poll.options.map((o) => count(o.id)));
      const leaders = poll.options.filter((o) => count(o.id) === top);
      if (leaders.length === 1 && reaches(leaders[0].id)) passedIds.add(leaders[0].id);
      break;
    }
    case 'multiple':
      for (const o of poll.options) if (reaches(o.id)) passedIds.add(o.id);
      break;
    case 'election': {
      const seats = poll.seats ?? 1;
      const eligible = poll.options.filter((o) => reaches(o.id)).sort((a, b) => count(b.id) - count(a.id));
      let filled = 0;
      // Walk groups of equal counts: a group that fits entirely is elected; one that overflows is tied.
      for (let i = 0; i < eligible.length && filled < seats;) {
        const group = eligible.filter((o) => count(o.id) === count(eligible[i].id));
        if (filled + group.length <= seats) group.forEach((o) => passedIds.add(o.id));
        else group.forEach((o) => tiedIds.add(o.id));
        filled += group.length;
        i += group.length;
      }
      break;
    }
  }

  const options: OptionResult[] = poll.options.map((o) => ({
    optionId: o.id,
    count: count(o.id),
    percent: percentOf(count(o.id), denominator),
    passed: passedIds.has(o.id),
    tied: tiedIds.has(o.id),
  }));
  const cast = ballots.length;
  const passed = poll.kind === 'election' ? passedIds.size === (poll.seats ?? 1) : passedIds.size > 0;
  return {
    base: f.base,
    denominator,
    required,
    voters: counts.voters,
    members: counts.members,
    cast,
    notVoted: Math.max(0, counts.voters - cast),
    blank: ballots.filter((b) => b.choices.length === 0).length,
    options,
    passed,
  };
}

/** The options a poll of this kind starts with (the fixed three, or the given labels as o1, o2 …). */
export function pollOptionIds(kind: Poll['kind'], count: number): string[] {
  if (kind === 'yes_no_abstain') return [...YES_NO_ABSTAIN_OPTION_IDS];
  return Array.from({ length: count }, (_, i) => `o${i + 1}`);
}

/**
 * The text hashed into `ballotsHash` when a poll closes: one line per ballot,
 * `<receipt> <canonical JSON of its choices>`, sorted by receipt, joined by "\n". Order-free, so the
 * hash says nothing about the order ballots were cast in; `poll:verify` rebuilds it from the stored
 * ballots and compares it with the close event's hash.
 */
export function ballotsDigestText(ballots: readonly BallotLike[]): string {
  return ballots
    .map((b) => `${b.receipt} ${canonicalJson([...b.choices])}`)
    .sort()
    .join('\n');
}
