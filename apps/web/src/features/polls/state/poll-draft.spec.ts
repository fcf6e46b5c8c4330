import { PollCreateCommandSchema, PollSchema, type Poll } from '@phonghop/common';
import { draftOf, draftProblems, emptyDraft, toDefinition, type PollDraft } from './poll-draft';

const MEETING = '7f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
const ITEM = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

/** What the form sends must be what the contract accepts: the form and the schema never disagree. */
function command(draft: PollDraft) {
  return PollCreateCommandSchema.safeParse({
    meetingId: MEETING,
    idempotencyKey: '3b241101-e2bb-4255-8caf-4136c566a962',
    ...toDefinition(draft),
  });
}

describe('poll form → poll.create', () => {
  const base = { ...emptyDraft(ITEM), title: 'Thông qua kế hoạch năm 2026' };

  it.each<[string, Partial<PollDraft>]>([
    ['yes/no/abstain, named, live tally', { showLiveTally: true }],
    ['single choice', { kind: 'single', options: ['Phương án A', 'Phương án B', ''] }],
    ['multiple choice, at most 2', { kind: 'multiple', options: ['A', 'B', 'C'], maxChoices: 2 }],
    [
      'a secret election for 2 seats',
      {
        kind: 'election',
        secret: true,
        options: ['Lê Văn Thắng', 'Hoàng Thị Lan Anh', 'Phạm Đức Mạnh'],
        seats: 2,
      },
    ],
    ['a custom rule', { ruleKind: 'custom', numerator: 3, denominator: 4, atLeast: true, base: 'voters' }],
    ['a timer', { durationMinutes: 5 }],
  ])('%s: no problem in the form, accepted by the contract', (_, patch) => {
    const draft = { ...base, ...patch };
    expect(draftProblems(draft)).toEqual([]);
    const parsed = command(draft);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('never sends allowChange or a live tally for a secret poll (the contract refuses them)', () => {
    const draft = { ...base, secret: true, allowChange: true, showLiveTally: true };
    const definition = toDefinition(draft);
    expect(definition).toMatchObject({ allowChange: false, showLiveTally: false });
    expect(command(draft).success).toBe(true);
  });

  it.each<[string, Partial<PollDraft>, string]>([
    ['no title', { title: '  ' }, 'title'],
    ['one option', { kind: 'single', options: ['A'] }, 'options'],
    ['no candidate', { kind: 'election', options: [' '] }, 'candidates'],
    ['the same option twice', { kind: 'single', options: ['Đồng ý', 'đồng ý'] }, 'duplicate'],
    ['more choices than options', { kind: 'multiple', options: ['A', 'B'], maxChoices: 3 }, 'maxChoices'],
    ['more seats than candidates', { kind: 'election', options: ['A'], seats: 2 }, 'seats'],
    ['a fraction above 1', { ruleKind: 'custom', numerator: 5, denominator: 4 }, 'fraction'],
  ])('%s: the form says so, and the contract refuses it too', (_, patch, problem) => {
    const draft = { ...base, ...patch };
    expect(draftProblems(draft)).toContain(problem);
    expect(command(draft).success).toBe(false);
  });

  it('reads a poll back into the form unchanged', () => {
    const poll: Poll = PollSchema.parse({
      id: '9d7b1c2e-3f4a-4b5c-8d6e-7f8091a2b3c4',
      meetingId: MEETING,
      agendaItemId: ITEM,
      title: 'Bầu Tổ trưởng',
      description: null,
      kind: 'election',
      secret: true,
      options: [
        { id: 'o1', label: 'Lê Văn Thắng', candidateUserId: null },
        { id: 'o2', label: 'Hoàng Thị Lan Anh', candidateUserId: null },
      ],
      maxChoices: 1,
      seats: 1,
      rule: { kind: 'custom', numerator: 2, denominator: 3, atLeast: true, base: 'members' },
      allowChange: false,
      showLiveTally: false,
      durationSeconds: 600,
      status: 'draft',
      createdById: MEETING,
      createdAt: '2026-07-01T01:30:00.000Z',
      openedAt: null,
      closesAt: null,
      closedAt: null,
      publishedAt: null,
      members: null,
      quorum: null,
      voters: [],
      result: null,
      ballotsHash: null,
      receipts: null,
      votes: null,
    });
    const definition = toDefinition(draftOf(poll));
    expect(definition).toEqual({
      agendaItemId: ITEM,
      title: 'Bầu Tổ trưởng',
      kind: 'election',
      secret: true,
      options: [{ label: 'Lê Văn Thắng' }, { label: 'Hoàng Thị Lan Anh' }],
      seats: 1,
      rule: poll.rule,
      allowChange: false,
      showLiveTally: false,
      durationSeconds: 600,
    });
  });
});
