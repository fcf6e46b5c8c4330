/*
 * TEMPORARY: the shape the poll screens are written against until the polls contract lands in
 * libs/common (branch voting-api). Replaced by imports from @phonghop/common at the merge.
 */
export type PollKind = 'yes_no' | 'single' | 'multiple' | 'election';
export type PollStatus = 'draft' | 'open' | 'closed' | 'published';
export type PollRuleKind = 'present_majority' | 'members_majority' | 'members_two_thirds' | 'custom';

export interface PollRule {
  kind: PollRuleKind;
  numerator?: number;
  denominator?: number;
  atLeast?: boolean;
}

export interface PollOption {
  id: string;
  label: string;
}

export interface Poll {
  id: string;
  meetingId: string;
  agendaItemId: string | null;
  title: string;
  kind: PollKind;
  secret: boolean;
  options: PollOption[];
  maxChoices: number;
  seats: number | null;
  rule: PollRule;
  allowChange: boolean;
  liveTally: boolean;
  status: PollStatus;
  voters: number;
  cast: number;
  result: PollResult | null;
}

export interface PollResult {
  counts: { optionId: string; count: number }[];
  denominator: number;
  present: number;
  members: number;
  passed: boolean;
  elected: string[];
  receipts: string[];
}

export interface PollProgress {
  meetingId: string;
  pollId: string;
  cast: number;
  voters: number;
  tally?: { optionId: string; count: number }[];
}

/** One ballot I may cast: my own (proxyFor null) or for a member whose proxy I hold. */
export interface PollEntitlement {
  pollId: string;
  proxyFor: string | null;
  receipt: string | null;
  choices: string[] | null;
}

/** The polls of a meeting snapshot (the `polls` slice). */
export function pollsOf(snapshot: object): Poll[] {
  const slice = (snapshot as { polls?: Poll[] | { list?: Poll[] } }).polls;
  if (Array.isArray(slice)) return slice;
  return slice?.list ?? [];
}
