import type { MajorityRule, MajorityRuleKind, Poll, PollDefinitionInput, PollKind } from '@phonghop/common';

/** The poll form as the chair or secretary fills it in; `toDefinition` makes the command body. */
export interface PollDraft {
  agendaItemId: string | null;
  title: string;
  kind: PollKind;
  secret: boolean;
  /** Option labels (single, multiple) or candidates' names (election); unused for yes/no/abstain. */
  options: string[];
  maxChoices: number;
  seats: number;
  ruleKind: MajorityRuleKind;
  /** The custom rule's fraction, comparison and base. */
  numerator: number;
  denominator: number;
  atLeast: boolean;
  base: 'voters' | 'members';
  allowChange: boolean;
  showLiveTally: boolean;
  /** An optional timer, in minutes (empty: the chair closes). */
  durationMinutes: number | null;
}

export function emptyDraft(agendaItemId: string | null): PollDraft {
  return {
    agendaItemId,
    title: '',
    kind: 'yes_no_abstain',
    secret: false,
    options: [],
    maxChoices: 2,
    seats: 1,
    ruleKind: 'more_than_half_present',
    numerator: 3,
    denominator: 4,
    atLeast: true,
    base: 'members',
    allowChange: true,
    showLiveTally: false,
    durationMinutes: null,
  };
}

export function draftOf(poll: Poll): PollDraft {
  const custom = poll.rule.kind === 'custom' ? poll.rule : null;
  return {
    ...emptyDraft(poll.agendaItemId),
    title: poll.title,
    kind: poll.kind,
    secret: poll.secret,
    options: poll.kind === 'yes_no_abstain' ? [] : poll.options.map((o) => o.label),
    maxChoices: poll.kind === 'multiple' ? poll.maxChoices : 2,
    seats: poll.seats ?? 1,
    ruleKind: poll.rule.kind,
    ...(custom
      ? {
          numerator: custom.numerator,
          denominator: custom.denominator,
          atLeast: custom.atLeast,
          base: custom.base,
        }
      : {}),
    allowChange: poll.allowChange,
    showLiveTally: poll.showLiveTally,
    durationMinutes: poll.durationSeconds ? Math.round(poll.durationSeconds / 60) : null,
  };
}

const labelsOf = (draft: PollDraft) => draft.options.map((o) => o.trim()).filter(Boolean);

/** The draft's problems, as keys under polls.editor.problems (empty: ready to save). */
export function draftProblems(draft: PollDraft): string[] {
  const problems: string[] = [];
  const labels = labelsOf(draft);
  if (!draft.title.trim()) problems.push('title');
  if ((draft.kind === 'single' || draft.kind === 'multiple') && labels.length < 2) problems.push('options');
  if (draft.kind === 'election' && labels.length < 1) problems.push('candidates');
  if (new Set(labels.map((l) => l.toLocaleLowerCase('vi'))).size !== labels.length)
    problems.push('duplicate');
  if (draft.kind === 'multiple' && (draft.maxChoices < 1 || draft.maxChoices > labels.length)) {
    problems.push('maxChoices');
  }
  if (draft.kind === 'election' && (draft.seats < 1 || draft.seats > labels.length)) problems.push('seats');
  if (
    draft.ruleKind === 'custom' &&
    (draft.numerator < 1 || draft.denominator < 1 || draft.numerator > draft.denominator)
  ) {
    problems.push('fraction');
  }
  if (draft.durationMinutes !== null && (draft.durationMinutes < 1 || draft.durationMinutes > 24 * 60)) {
    problems.push('duration');
  }
  return problems;
}

function ruleOf(draft: PollDraft): MajorityRule {
  if (draft.ruleKind !== 'custom') return { kind: draft.ruleKind };
  return {
    kind: 'custom',
    numerator: draft.numerator,
    denominator: draft.denominator,
    atLeast: draft.atLeast,
    base: draft.base,
  };
}

/**
 * The body of poll.create / poll.update: trimmed labels and only the fields the kind takes (a
 * secret poll never allows a change of ballot nor shows a live tally).
 */
export function toDefinition(draft: PollDraft): PollDefinitionInput {
  const labels = labelsOf(draft);
  return {
    agendaItemId: draft.agendaItemId,
    title: draft.title.trim(),
    kind: draft.kind,
    secret: draft.secret,
    ...(draft.kind === 'yes_no_abstain' ? {} : { options: labels.map((label) => ({ label })) }),
    ...(draft.kind === 'multiple' ? { maxChoices: draft.maxChoices } : {}),
    ...(draft.kind === 'election' ? { seats: draft.seats } : {}),
    rule: ruleOf(draft),
    allowChange: draft.secret ? false : draft.allowChange,
    showLiveTally: draft.secret ? false : draft.showLiveTally,
    ...(draft.durationMinutes ? { durationSeconds: draft.durationMinutes * 60 } : {}),
  };
}
