import type { ChartRow } from '../components/ResultsChart';
import type { Poll, PollRule } from './poll-model';

/** The option ids a yes/no poll counts as in favour (the rest are not: "không tán thành", abstain). */
export const YES_OPTION_IDS = ['yes', 'approve', 'for'];

/** One decimal, from integers: 2 of 3 → 66.7. */
export function percentOf(count: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  return Math.round((1000 * count) / denominator) / 10;
}

/** The bars of a result (or of a live tally) against the rule's denominator. */
export function chartRows(
  poll: Poll,
  counts: { optionId: string; count: number }[],
  denominator: number,
  optionLabel: (poll: Poll, optionId: string) => string,
): ChartRow[] {
  const byOption = new Map(counts.map((c) => [c.optionId, c.count]));
  const elected = new Set(poll.result?.elected ?? []);
  return poll.options.map((o) => ({
    id: o.id,
    label: optionLabel(poll, o.id),
    count: byOption.get(o.id) ?? 0,
    percent: percentOf(byOption.get(o.id) ?? 0, denominator),
    highlight: poll.kind === 'yes_no' ? YES_OPTION_IDS.includes(o.id) : elected.has(o.id),
  }));
}

/** Locale key and values that state the rule in words ("Quá 1/2 tổng số thành viên"). */
export function ruleText(rule: PollRule): { key: string; values: Record<string, string> } {
  if (rule.kind === 'custom') {
    return {
      key: rule.atLeast ? 'polls.rule.customAtLeast' : 'polls.rule.customMoreThan',
      values: { fraction: `${rule.numerator ?? 1}/${rule.denominator ?? 2}` },
    };
  }
  return { key: `polls.rule.${rule.kind}`, values: {} };
}
