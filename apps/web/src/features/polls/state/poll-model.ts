/*
 * TEMPORARY: a type-only copy of the polls contract the voting-api branch is writing
 * (libs/common/src/schemas/polls.ts), used until it is committed and merged; then every import of
 * this file becomes an import from @phonghop/common.
 */
export type PollKind = 'yes_no_abstain' | 'single' | 'multiple' | 'election';
export type PollStatus = 'draft' | 'open' | 'closed' | 'published';
export type MajorityRule =
  | { kind: 'more_than_half_present' }
  | { kind: 'more_than_half_members' }
  | { kind: 'two_thirds_members' }
  | { kind: 'custom'; numerator: number; denominator: number; atLeast: boolean; base: 'voters' | 'members' };
export type MajorityRuleKind = MajorityRule['kind'];

export interface PollOption {
  id: string;
  label: string;
  candidateUserId: string | null;
}
export interface PollVoter {
  userId: string;
  holderId: string;
  late: boolean;
}
export interface OptionResult {
  optionId: string;
  count: number;
  percent: number;
  passed: boolean;
  tied: boolean;
}
export interface PollResult {
  base: 'voters' | 'members';
  denominator: number;
  required: number;
  voters: number;
  members: number;
  cast: number;
  notVoted: number;
  blank: number;
  options: OptionResult[];
  passed: boolean;
}
export interface Poll {
  id: string;
  meetingId: string;
  agendaItemId: string | null;
  title: string;
  description: string | null;
  kind: PollKind;
  secret: boolean;
  options: PollOption[];
  maxChoices: number;
  seats: number | null;
  rule: MajorityRule;
  allowChange: boolean;
  showLiveTally: boolean;
  durationSeconds: number | null;
  status: PollStatus;
  openedAt: string | null;
  closesAt: string | null;
  closedAt: string | null;
  publishedAt: string | null;
  members: number | null;
  voters: PollVoter[];
  result: PollResult | null;
  receipts: string[] | null;
  votes: { userId: string; castById: string; choices: string[]; receipt: string }[] | null;
}
export interface PollProgress {
  meetingId: string;
  pollId: string;
  cast: number;
  voters: number;
  tally?: { optionId: string; count: number }[];
}
export interface PollMine {
  pollId: string;
  entitlements: { userId: string; cast: boolean; receipt: string | null; choices: string[] | null }[];
  progress: PollProgress | null;
}
export interface PollCastResult {
  pollId: string;
  userId: string;
  receipt: string;
  changed: boolean;
}
export interface PollDefinition {
  agendaItemId?: string | null;
  title: string;
  description?: string;
  kind: PollKind;
  secret: boolean;
  options?: { label: string; candidateUserId?: string }[];
  maxChoices?: number;
  seats?: number;
  rule: MajorityRule;
  allowChange?: boolean;
  showLiveTally?: boolean;
  durationSeconds?: number;
}

/** The polls of a meeting snapshot (the `polls` slice). */
export function pollsOf(snapshot: object): Poll[] {
  return (snapshot as { polls?: { items?: Poll[] } }).polls?.items ?? [];
}
