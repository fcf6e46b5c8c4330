import type { MajorityRule, Poll, PollOption } from '../schemas/polls';
import { PollCreateCommandSchema } from '../schemas/polls';
import {
  ballotsDigestText,
  checkBallot,
  computePollResult,
  percentOf,
  requiredCount,
  ruleFraction,
  type PollShape,
} from './poll-result';
import { checkCastBallot, checkLateVoter, votersAtOpen } from './poll-permissions';

const opt = (id: string): PollOption => ({ id, label: id, candidateUserId: null });
const YNA: PollShape = {
  kind: 'yes_no_abstain',
  options: ['yes', 'no', 'abstain'].map(opt),
  maxChoices: 1,
  seats: null,
  rule: { kind: 'more_than_half_present' },
};
const ballots = (...choices: string[][]) => choices.map((c, i) => ({ receipt: `R${i}`, choices: c }));
const repeat = (n: number, choice: string[]) => Array.from({ length: n }, () => choice);

describe('requiredCount: the denominator each rule uses and its threshold', () => {
  const custom = (numerator: number, denominator: number, atLeast: boolean, base: 'voters' | 'members') =>
    ({ kind: 'custom', numerator, denominator, atLeast, base }) as MajorityRule;
  it.each<[string, MajorityRule, number, number, number]>([
    // rule, voters, members, required
    ['more than half of 10 present', { kind: 'more_than_half_present' }, 10, 30, 6],
    ['more than half of 9 present', { kind: 'more_than_half_present' }, 9, 30, 5],
    ['more than half of 30 members (20 present)', { kind: 'more_than_half_members' }, 20, 30, 16],
    ['more than half of 31 members', { kind: 'more_than_half_members' }, 20, 31, 16],
    ['two thirds of 30 members', { kind: 'two_thirds_members' }, 20, 30, 20],
    ['two thirds of 31 members', { kind: 'two_thirds_members' }, 20, 31, 21],
    ['two thirds of 9 members', { kind: 'two_thirds_members' }, 9, 9, 6],
    ['custom: at least 3/4 of 8 voters', custom(3, 4, true, 'voters'), 8, 20, 6],
    ['custom: more than 3/4 of 8 voters', custom(3, 4, false, 'voters'), 8, 20, 7],
    ['custom: at least 1/1 of 5 members (unanimity)', custom(1, 1, true, 'members'), 3, 5, 5],
    ['nobody present: still needs one ballot', { kind: 'more_than_half_present' }, 0, 10, 1],
  ])('%s', (_name, rule, voters, members, required) => {
    expect(requiredCount(rule, voters, members)).toBe(required);
  });

  it('names the base of each rule', () => {
    expect(ruleFraction({ kind: 'more_than_half_present' }).base).toBe('voters');
    expect(ruleFraction({ kind: 'more_than_half_members' }).base).toBe('members');
    expect(ruleFraction({ kind: 'two_thirds_members' })).toEqual({
      base: 'members',
      numerator: 2,
      denominator: 3,
      atLeast: true,
    });
  });
});

describe('computePollResult: yes / no / abstain', () => {
  it('passes with more than half of the voters present in favour', () => {
    const r = computePollResult(YNA, { voters: 10, members: 15 }, ballots(...repeat(6, ['yes']), ['no']));
    expect(r).toMatchObject({
      base: 'voters',
      denominator: 10,
      required: 6,
      cast: 7,
      notVoted: 3,
      passed: true,
    });
    expect(r.options.map((o) => [o.optionId, o.count, o.percent, o.passed])).toEqual([
      ['yes', 6, 60, true],
      ['no', 1, 10, false],
      ['abstain', 0, 0, false],
    ]);
  });

  it('abstentions and non-votes count as not in favour: 5 of 10 is not more than half', () => {
    const r = computePollResult(
      YNA,
      { voters: 10, members: 10 },
      ballots(...repeat(5, ['yes']), ['abstain']),
    );
    expect(r.passed).toBe(false);
    expect(r.notVoted).toBe(4);
  });

  it('a majority of the ballots cast is not enough when the rule counts all members', () => {
    const poll = { ...YNA, rule: { kind: 'more_than_half_members' } as MajorityRule };
    // 7 present of 20 members; all 7 in favour; 7 is not more than 10.
    const r = computePollResult(poll, { voters: 7, members: 20 }, ballots(...repeat(7, ['yes'])));
    expect(r).toMatchObject({ base: 'members', denominator: 20, required: 11, passed: false });
    expect(r.options[0].percent).toBe(35);
  });

  it('two thirds of the members: exactly 2/3 passes, one fewer does not', () => {
    const poll = { ...YNA, rule: { kind: 'two_thirds_members' } as MajorityRule };
    expect(computePollResult(poll, { voters: 9, members: 9 }, ballots(...repeat(6, ['yes']))).passed).toBe(
      true,
    );
    expect(computePollResult(poll, { voters: 9, members: 9 }, ballots(...repeat(5, ['yes']))).passed).toBe(
      false,
    );
  });

  it('rounds percentages to two decimals', () => {
    expect(percentOf(1, 3)).toBe(33.33);
    expect(percentOf(2, 3)).toBe(66.67);
    expect(percentOf(0, 0)).toBe(0);
  });
});

describe('computePollResult: single and multiple choice', () => {
  const single: PollShape = {
    kind: 'single',
    options: ['o1', 'o2', 'o3'].map(opt),
    maxChoices: 1,
    seats: null,
    rule: { kind: 'more_than_half_present' },
  };

  it('single: the top option passes when alone at the top and over the threshold', () => {
    const r = computePollResult(single, { voters: 5, members: 5 }, ballots(['o2'], ['o2'], ['o2'], ['o1']));
    expect(r.options.filter((o) => o.passed).map((o) => o.optionId)).toEqual(['o2']);
    expect(r.passed).toBe(true);
  });

  it('single: a tie at the top passes nothing', () => {
    const r = computePollResult(single, { voters: 2, members: 2 }, ballots(['o1'], ['o2']));
    expect(r.passed).toBe(false);
  });

  it('multiple: every option over the threshold passes on its own; blank ballots are counted as blank', () => {
    const multiple: PollShape = { ...single, kind: 'multiple', maxChoices: 2 };
    const r = computePollResult(
      multiple,
      { voters: 4, members: 4 },
      ballots(['o1', 'o2'], ['o1', 'o2'], ['o1', 'o2'], []),
    );
    expect(r.options.map((o) => o.passed)).toEqual([true, true, false]);
    expect(r.blank).toBe(1);
    expect(r.passed).toBe(true);
  });
});

describe('computePollResult: elections by seats', () => {
  const election = (seats: number, n: number): PollShape => ({
    kind: 'election',
    options: Array.from({ length: n }, (_, i) => opt(`o${i + 1}`)),
    maxChoices: seats,
    seats,
    rule: { kind: 'more_than_half_present' },
  });
  const elected = (r: ReturnType<typeof computePollResult>) =>
    r.options.filter((o) => o.passed).map((o) => o.optionId);
  const tied = (r: ReturnType<typeof computePollResult>) =>
    r.options.filter((o) => o.tied).map((o) => o.optionId);

  it('the most ballots take the seats, among those over the threshold', () => {
    // 12 voters; required 7. o1: 9, o2: 7, o3: 5, o4: 2; 2 seats.
    const b = [...repeat(6, ['o1', 'o2']), ['o1', 'o3'], ['o1', 'o3'], ['o1', 'o2'], ['o3', 'o4']];
    const extra = [['o3', 'o4'], ['o3']];
    const r = computePollResult(election(2, 4), { voters: 12, members: 12 }, ballots(...b, ...extra));
    expect(r.options.map((o) => o.count)).toEqual([9, 7, 5, 2]);
    expect(r.required).toBe(7);
    expect(elected(r)).toEqual(['o1', 'o2']);
    expect(r.passed).toBe(true);
  });

  it('a candidate under the threshold is not elected even with a free seat', () => {
    const r = computePollResult(
      election(2, 3),
      { voters: 10, members: 10 },
      ballots(...repeat(6, ['o1']), ...repeat(4, ['o2'])),
    );
    expect(elected(r)).toEqual(['o1']);
    expect(r.passed).toBe(false);
  });

  it('a tie for the last seat elects neither of the tied', () => {
    // 2 seats; o1: 8, o2: 7, o3: 7 — o1 elected, o2/o3 tied for the second seat.
    const b = [...repeat(7, ['o1', 'o2']), ['o1', 'o3'], ...repeat(6, ['o3'])];
    const r = computePollResult(election(2, 3), { voters: 14, members: 14 }, ballots(...b));
    expect(r.options.map((o) => o.count)).toEqual([8, 7, 7]);
    expect(r.required).toBe(8);
    // o2 and o3 (7) are under the threshold (8), so not tied either: only o1.
    expect(elected(r)).toEqual(['o1']);
    expect(tied(r)).toEqual([]);

    const r2 = computePollResult(
      election(2, 3),
      { voters: 10, members: 10 },
      ballots(...repeat(3, ['o1', 'o2']), ...repeat(3, ['o1', 'o3']), ...repeat(3, ['o2', 'o3']), ['o1']),
    );
    expect(r2.options.map((o) => o.count)).toEqual([7, 6, 6]);
    expect(elected(r2)).toEqual(['o1']);
    expect(tied(r2)).toEqual(['o2', 'o3']);
    expect(r2.passed).toBe(false);
  });

  it('a tie that fits in the seats elects all of the tied', () => {
    const r = computePollResult(
      election(2, 3),
      { voters: 4, members: 4 },
      ballots(...repeat(3, ['o1', 'o2']), ['o3']),
    );
    expect(elected(r)).toEqual(['o1', 'o2']);
    expect(r.passed).toBe(true);
  });
});

describe('checkBallot', () => {
  const multiple = { kind: 'multiple' as const, options: ['o1', 'o2', 'o3'].map(opt), maxChoices: 2 };
  it.each<[string, Pick<Poll, 'kind' | 'options' | 'maxChoices'>, string[], string]>([
    ['one of yes/no/abstain', YNA, ['no'], 'ok'],
    ['nothing on a yes/no/abstain ballot', YNA, [], 'too_few'],
    ['two on a yes/no/abstain ballot', YNA, ['yes', 'no'], 'too_many'],
    ['an unknown option', YNA, ['maybe'], 'unknown_option'],
    ['the same option twice', multiple, ['o1', 'o1'], 'duplicate_option'],
    ['more than maxChoices', multiple, ['o1', 'o2', 'o3'], 'too_many'],
    ['a blank multiple-choice ballot', multiple, [], 'ok'],
  ])('%s', (_name, poll, choices, expected) => {
    const r = checkBallot(poll, choices);
    expect(r.ok ? 'ok' : r.reason).toBe(expected);
  });

  it('puts the choices in the poll order, so a ballot hashes the same however it was sent', () => {
    expect(checkBallot(multiple, ['o3', 'o1'])).toEqual({ ok: true, choices: ['o1', 'o3'] });
  });
});

describe('ballotsDigestText', () => {
  it('is the same whatever order the ballots come in', () => {
    const a = [
      { receipt: 'BBBBB-BBBBB', choices: ['no'] },
      { receipt: 'AAAAA-AAAAA', choices: ['yes'] },
    ];
    expect(ballotsDigestText(a)).toBe('AAAAA-AAAAA ["yes"]\nBBBBB-BBBBB ["no"]');
    expect(ballotsDigestText([...a].reverse())).toBe(ballotsDigestText(a));
  });
});

describe('who votes', () => {
  const members = [
    { userId: 'chair', role: 'chair' as const },
    { userId: 'd1', role: 'delegate' as const },
    { userId: 'd2', role: 'delegate' as const },
    { userId: 'd3', role: 'delegate' as const },
    { userId: 'g1', role: 'guest' as const },
  ];
  const records = [
    { userId: 'chair', status: 'present_room' as const, proxyHolderId: null },
    { userId: 'd1', status: 'present_online' as const, proxyHolderId: null },
    { userId: 'd2', status: 'absent' as const, proxyHolderId: 'd1' },
    { userId: 'd3', status: 'late' as const, proxyHolderId: null },
    { userId: 'g1', status: 'present_room' as const, proxyHolderId: null },
  ];

  it('voters at open: voting members present (room or online) plus proxies; never a guest', () => {
    expect(votersAtOpen(members, records, true)).toEqual([
      { userId: 'chair', holderId: 'chair', late: false },
      { userId: 'd1', holderId: 'd1', late: false },
      { userId: 'd2', holderId: 'd1', late: false },
    ]);
    expect(votersAtOpen(members, records, false).map((v) => v.userId)).toEqual(['chair', 'd1']);
  });

  it('casting: only the holder of the entitlement, only while open and in time', () => {
    const voters = votersAtOpen(members, records, true);
    const base = { pollStatus: 'open' as const, closesAt: null, nowMs: 0, voters };
    expect(checkCastBallot({ ...base, callerId: 'd1', userId: 'd2' })).toEqual({ ok: true });
    expect(checkCastBallot({ ...base, callerId: 'd2', userId: 'd2' })).toEqual({
      ok: false,
      code: 'NOT_A_VOTER',
    });
    expect(checkCastBallot({ ...base, callerId: 'g1', userId: 'g1' })).toEqual({
      ok: false,
      code: 'NOT_A_VOTER',
    });
    expect(checkCastBallot({ ...base, pollStatus: 'closed', callerId: 'd1', userId: 'd1' })).toEqual({
      ok: false,
      code: 'POLL_NOT_OPEN',
    });
    expect(
      checkCastBallot({
        ...base,
        closesAt: '2026-12-01T00:00:00.000Z',
        nowMs: Date.parse('2026-12-01T00:00:00.000Z'),
        callerId: 'd1',
        userId: 'd1',
      }),
    ).toEqual({ ok: false, code: 'POLL_TIME_UP' });
  });

  it('late voter: a present voting member without an entitlement yet', () => {
    const voters = votersAtOpen(members, records, true);
    expect(checkLateVoter({ role: 'delegate', status: 'present_room', voters, userId: 'd3' })).toEqual({
      ok: true,
    });
    expect(checkLateVoter({ role: 'delegate', status: 'late', voters, userId: 'd3' }).ok).toBe(false);
    expect(checkLateVoter({ role: 'guest', status: 'present_room', voters, userId: 'g1' }).ok).toBe(false);
    expect(checkLateVoter({ role: 'delegate', status: 'present_room', voters, userId: 'd1' })).toEqual({
      ok: false,
      code: 'POLL_VOTER_EXISTS',
    });
  });
});

describe('PollCreateCommandSchema', () => {
  const base = {
    meetingId: '5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
    idempotencyKey: '6f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
    title: 'Thông qua Nghị quyết',
    rule: { kind: 'more_than_half_present' },
  };
  it('accepts a named yes/no/abstain poll and a secret election', () => {
    expect(
      PollCreateCommandSchema.safeParse({ ...base, kind: 'yes_no_abstain', secret: false }).success,
    ).toBe(true);
    const election = {
      ...base,
      kind: 'election',
      secret: true,
      seats: 1,
      options: [{ label: 'Nguyễn Văn An' }, { label: 'Trần Thị Bình' }],
    };
    expect(PollCreateCommandSchema.safeParse(election).success).toBe(true);
  });
  it('refuses a secret poll that allows changes or a live tally, and inconsistent options', () => {
    const bad = [
      { ...base, kind: 'yes_no_abstain', secret: true, allowChange: true },
      { ...base, kind: 'yes_no_abstain', secret: true, showLiveTally: true },
      { ...base, kind: 'single', secret: false, options: [{ label: 'A' }] },
      { ...base, kind: 'multiple', secret: false, options: [{ label: 'A' }, { label: 'B' }] },
      { ...base, kind: 'election', secret: true, seats: 3, options: [{ label: 'A' }, { label: 'B' }] },
      { ...base, kind: 'single', secret: false, options: [{ label: 'A' }, { label: 'a' }] },
    ];
    for (const b of bad) expect(PollCreateCommandSchema.safeParse(b).success).toBe(false);
  });
});
