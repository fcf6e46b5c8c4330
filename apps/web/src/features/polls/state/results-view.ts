import type { ChartRow } from '../components/ResultsChart';
import type { MajorityRule, Poll } from '@phonghop/common';

/** Bars of a closed poll's result: the server's counts and percentages of the rule's denominator. */
export function resultRows(poll: Poll, label: (poll: Poll, optionId: string) => string): ChartRow[] {
  const byOption = new Map((poll.result?.options ?? []).map((o) => [o.optionId, o]));
  return poll.options.map((o) => {
    const r = byOption.get(o.id);
    return {
      id: o.id,
      label: label(poll, o.id),
      count: r?.count ?? 0,
      percent: r?.percent ?? 0,
      highlight: r?.passed ?? false,
      tied: r?.tied ?? false,
    };
  });
}

/** Bars of a named poll's live tally, as shares of the ballots cast so far. */
export function tallyRows(
  poll: Poll,
  tally: { optionId: string; count: number }[],
  cast: number,
  label: (poll: Poll, optionId: string) => string,
): ChartRow[] {
  const byOption = new Map(tally.map((c) => [c.optionId, c.count]));
  return poll.options.map((o) => {
    const count = byOption.get(o.id) ?? 0;
    return { id: o.id, label: label(poll, o.id), count, percent: cast > 0 ? (100 * count) / cast : 0 };
  });
}

/** Locale key and values that state the rule in words ("Quá 1/2 tổng số thành viên"). */
export function ruleText(rule: MajorityRule): { key: string; values: Record<string, string> } {
  if (rule.kind === 'custom') {
    return {
      key: `polls.rule.custom.${rule.atLeast ? 'atLeast' : 'moreThan'}.${rule.base}`,
      values: { fraction: `${rule.numerator}/${rule.denominator}` },
    };
  }
  return { key: `polls.rule.${rule.kind}`, values: {} };
}

/** Ballots cast and voters of a poll, from the latest progress message or the poll itself. */
export function turnout(
  poll: Poll,
  progress: { cast: number; voters: number } | undefined,
): { cast: number; voters: number } {
  if (poll.result) return { cast: poll.result.cast, voters: poll.result.voters };
  return { cast: progress?.cast ?? 0, voters: progress?.voters ?? poll.voters.length };
}
