import type { Poll, PollKind, PollRule } from './poll-model';

/** What the chair or secretary fills in to prepare a poll (the body of poll.create / poll.update). */
export interface PollDraft {
  agendaItemId: string | null;
  title: string;
  kind: PollKind;
  secret: boolean;
  /** Labels of the options (single, multiple) or the candidates' names (election); none for yes/no. */
  options: string[];
  maxChoices: number;
  seats: number | null;
  rule: PollRule;
  allowChange: boolean;
  liveTally: boolean;
}

export function emptyDraft(agendaItemId: string | null): PollDraft {
  return {
    agendaItemId,
    title: '',
    kind: 'yes_no',
    secret: false,
    options: [],
    maxChoices: 1,
    seats: null,
    rule: { kind: 'present_majority' },
    allowChange: true,
    liveTally: false,
  };
}

export function draftOf(poll: Poll): PollDraft {
  return {
    agendaItemId: poll.agendaItemId,
    title: poll.title,
    kind: poll.kind,
    secret: poll.secret,
    options: poll.kind === 'yes_no' ? [] : poll.options.map((o) => o.label),
    maxChoices: poll.maxChoices,
    seats: poll.seats,
    rule: poll.rule,
    allowChange: poll.allowChange,
    liveTally: poll.liveTally,
  };
}

/** The draft's problems, as locale keys under polls.editor.problems (empty: ready to save). */
export function draftProblems(draft: PollDraft): string[] {
  const problems: string[] = [];
  const labels = draft.options.map((o) => o.trim()).filter(Boolean);
  if (!draft.title.trim()) problems.push('title');
  if (draft.kind !== 'yes_no' && labels.length < 2) problems.push('options');
  if (new Set(labels.map((l) => l.toLocaleLowerCase('vi'))).size !== labels.length)
    problems.push('duplicate');
  if (draft.kind === 'multiple' && (draft.maxChoices < 1 || draft.maxChoices > labels.length)) {
    problems.push('maxChoices');
  }
  if (draft.kind === 'election' && (!draft.seats || draft.seats < 1 || draft.seats > labels.length)) {
    problems.push('seats');
  }
  if (draft.rule.kind === 'custom') {
    const { numerator = 0, denominator = 0 } = draft.rule;
    if (numerator < 1 || denominator < 1 || numerator > denominator) problems.push('fraction');
  }
  return problems;
}

/** What is sent: trimmed labels, and only the fields that mean something for the kind. */
export function cleanDraft(draft: PollDraft): PollDraft {
  const options = draft.kind === 'yes_no' ? [] : draft.options.map((o) => o.trim()).filter(Boolean);
  return {
    ...draft,
    title: draft.title.trim(),
    options,
    maxChoices:
      draft.kind === 'multiple' ? draft.maxChoices : draft.kind === 'election' ? (draft.seats ?? 1) : 1,
    seats: draft.kind === 'election' ? draft.seats : null,
    liveTally: draft.secret ? false : draft.liveTally,
  };
}
