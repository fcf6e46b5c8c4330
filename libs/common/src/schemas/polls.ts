import { z } from 'zod';
import { IdempotencyKeySchema } from './meetings';
import { text, uuid } from './text';

/*
 * Voting (biểu quyết): named (công khai) and secret (bỏ phiếu kín) polls on the meeting event log.
 *
 * Lifecycle `draft → open → closed → published`. Creating, changing, opening, closing and
 * publishing a poll and adding a late voter are commands on the log (`poll.*` events). Casting a
 * ballot is not an event: it is acknowledged after its own commit with a receipt code, progress is
 * broadcast as the ephemeral `poll.progress`, and the close event carries the tally and a hash over
 * every ballot (receipt + choices), which `npm run poll:verify` recounts. See docs/voting.md.
 */

// ---- what a poll is -----------------------------------------------------------------------

/**
 * - `yes_no_abstain`: tán thành / không tán thành / không biểu quyết (options `yes`, `no`, `abstain`);
 * - `single`: one option among several;
 * - `multiple`: at most `maxChoices` options among several (each option passes on its own);
 * - `election`: bầu cử — people (candidates) for `seats` seats; a ballot marks at most `seats` names.
 */
export const POLL_KINDS = ['yes_no_abstain', 'single', 'multiple', 'election'] as const;
export const PollKindSchema = z.enum(POLL_KINDS);
export type PollKind = z.infer<typeof PollKindSchema>;

export const POLL_STATUSES = ['draft', 'open', 'closed', 'published'] as const;
export const PollStatusSchema = z.enum(POLL_STATUSES);
export type PollStatus = z.infer<typeof PollStatusSchema>;

/** The fixed options of a `yes_no_abstain` poll, in this order. */
export const YES_NO_ABSTAIN_OPTION_IDS = ['yes', 'no', 'abstain'] as const;
/** Their labels as the tablet and the PDF show them. */
export const YES_NO_ABSTAIN_LABELS = {
  yes: { vi: 'Tán thành', en: 'In favour' },
  no: { vi: 'Không tán thành', en: 'Against' },
  abstain: { vi: 'Không biểu quyết', en: 'Abstain' },
} as const;

/** Option ids are made by the server: `yes`/`no`/`abstain`, or `o1`, `o2` … in the order given. */
export const PollOptionIdSchema = z.string().regex(/^[a-z0-9]{1,16}$/);

export const PollOptionSchema = z.object({
  id: PollOptionIdSchema,
  label: z.string(),
  /** An election's candidate when they are a user of the system (else only the name in `label`). */
  candidateUserId: uuid().nullable(),
});
export type PollOption = z.infer<typeof PollOptionSchema>;

/**
 * The rule to pass, chosen per poll. The denominator is either the poll's voters (the voting members
 * present when it opened plus the proxies they hold plus late voters added) or all the meeting's
 * voting members (counted when it opened). Abstentions, blank ballots and not voting count as not in
 * favour: only ballots for the option count towards the threshold.
 * - `more_than_half_present`: quá nửa số đại biểu có mặt — count > voters / 2;
 * - `more_than_half_members`: quá nửa tổng số thành viên — count > members / 2;
 * - `two_thirds_members`: ít nhất hai phần ba tổng số thành viên — count ≥ members × 2/3;
 * - `custom`: count > (or, with `atLeast`, ≥) base × numerator/denominator.
 */
export const MajorityRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('more_than_half_present') }),
  z.object({ kind: z.literal('more_than_half_members') }),
  z.object({ kind: z.literal('two_thirds_members') }),
  z
    .object({
      kind: z.literal('custom'),
      numerator: z.number().int().min(1).max(99),
      denominator: z.number().int().min(1).max(100),
      atLeast: z.boolean(),
      base: z.enum(['voters', 'members']),
    })
    .refine((r) => r.numerator <= r.denominator, {
      path: ['numerator'],
      message: 'the fraction must not exceed 1',
    }),
]);
export type MajorityRule = z.infer<typeof MajorityRuleSchema>;
export type MajorityRuleKind = MajorityRule['kind'];

/** What the denominator of a rule counts. */
export const RULE_BASES = ['voters', 'members'] as const;
export type RuleBase = (typeof RULE_BASES)[number];

/** Quorum at the moment a poll opened (on the log with `poll.opened`). */
export const PollQuorumSchema = z.object({
  counted: z.number().int(),
  required: z.number().int(),
  expected: z.number().int(),
  reached: z.boolean(),
  confirmedWithoutQuorum: z.boolean(),
});
export type PollQuorum = z.infer<typeof PollQuorumSchema>;

/**
 * One right to one ballot. `userId`: whose vote it is (a present voting member, or the absent member
 * who gave a proxy); `holderId`: who casts it (themself, or the proxy holder). Fixed when the poll
 * opens; the secretary adds late arrivals while it is open (`late: true`).
 */
export const PollVoterSchema = z.object({
  userId: uuid(),
  holderId: uuid(),
  late: z.boolean(),
});
export type PollVoter = z.infer<typeof PollVoterSchema>;

export const OptionResultSchema = z.object({
  optionId: PollOptionIdSchema,
  count: z.number().int().nonnegative(),
  /** count / denominator × 100, rounded to 2 decimals (0 when the denominator is 0). */
  percent: z.number(),
  /** Reached the rule's threshold and (elections) got a seat. */
  passed: z.boolean(),
  /** Election: tied with others for the last seat(s), so not elected by this round. */
  tied: z.boolean(),
});
export type OptionResult = z.infer<typeof OptionResultSchema>;

/** The outcome of a closed poll (computed by rules/poll-result.ts, carried by `poll.closed`). */
export const PollResultSchema = z.object({
  /** What the denominator counts and its value. */
  base: z.enum(RULE_BASES),
  denominator: z.number().int().nonnegative(),
  /** The smallest count of ballots for an option that passes. */
  required: z.number().int().positive(),
  /** Entitlements (voters present + proxies + late voters). */
  voters: z.number().int().nonnegative(),
  /** Voting members of the meeting when the poll opened. */
  members: z.number().int().nonnegative(),
  /** Ballots cast. */
  cast: z.number().int().nonnegative(),
  /** voters − cast. */
  notVoted: z.number().int().nonnegative(),
  /** Ballots that chose no option (multiple choice, election). */
  blank: z.number().int().nonnegative(),
  /** In the poll's option order. */
  options: z.array(OptionResultSchema),
  /** yes/no/abstain and single: the motion or an option passed; multiple: at least one did; election: every seat filled. */
  passed: z.boolean(),
});
export type PollResult = z.infer<typeof PollResultSchema>;

/** A named poll's ballot as published: who voted what (and who cast it, for a proxy). */
export const NamedVoteSchema = z.object({
  userId: uuid(),
  castById: uuid(),
  choices: z.array(PollOptionIdSchema),
  receipt: z.string(),
});
export type NamedVote = z.infer<typeof NamedVoteSchema>;

export const PollSchema = z.object({
  id: uuid(),
  meetingId: uuid(),
  agendaItemId: uuid().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  kind: PollKindSchema,
  /** Bỏ phiếu kín: nobody can tell who voted what (docs/voting.md). */
  secret: z.boolean(),
  options: z.array(PollOptionSchema),
  /** At most this many options on a ballot: 1 (yes/no/abstain, single), N (multiple), seats (election). */
  maxChoices: z.number().int().positive(),
  /** Election only: seats to fill. */
  seats: z.number().int().positive().nullable(),
  rule: MajorityRuleSchema,
  /** Named polls only: a voter may change their ballot until close. */
  allowChange: z.boolean(),
  /** Named polls only: the running tally is shown while open. */
  showLiveTally: z.boolean(),
  /** Optional timer: the poll closes this many seconds after it opens. */
  durationSeconds: z.number().int().positive().nullable(),
  status: PollStatusSchema,
  createdById: uuid(),
  createdAt: z.iso.datetime(),
  openedAt: z.iso.datetime().nullable(),
  /** openedAt + durationSeconds; casts after it are refused (POLL_TIME_UP). */
  closesAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  publishedAt: z.iso.datetime().nullable(),
  /** Voting members of the meeting when it opened (the "all members" denominator). */
  members: z.number().int().nonnegative().nullable(),
  quorum: PollQuorumSchema.nullable(),
  /** Set when it opens; late voters are appended. */
  voters: z.array(PollVoterSchema),
  /** Set when it closes. */
  result: PollResultSchema.nullable(),
  /** sha256 over the sorted ballots (rules/poll-result.ts `ballotsDigestText`), set when it closes. */
  ballotsHash: z.string().nullable(),
  /** Every ballot's receipt, sorted; set when published. */
  receipts: z.array(z.string()).nullable(),
  /** Named polls, set when published: who voted what. Always null for a secret poll. */
  votes: z.array(NamedVoteSchema).nullable(),
});
export type Poll = z.infer<typeof PollSchema>;

/** The polls slice of the meeting snapshot (in creation order). Nothing per user is in it. */
export const PollsStateSchema = z.object({ items: z.array(PollSchema) });
export type PollsState = z.infer<typeof PollsStateSchema>;
export const EMPTY_POLLS_STATE: PollsState = { items: [] };

// ---- what people type ---------------------------------------------------------------------

const title = text({ min: 1, max: 300 });
const description = text({ max: 4000, multiline: true });
const optionInput = z.strictObject({
  label: text({ min: 1, max: 300 }),
  candidateUserId: uuid().optional(),
});

export const MAX_POLL_OPTIONS = 100;
export const MAX_POLL_DURATION_SECONDS = 24 * 3600;

/** A poll's definition: what `poll.create` takes and what `poll.update` replaces (drafts only). */
export const PollDefinitionSchema = z.strictObject({
  agendaItemId: uuid().nullable().optional(),
  title,
  description: description.optional(),
  kind: PollKindSchema,
  secret: z.boolean(),
  /** Not for `yes_no_abstain` (its options are fixed); 2+ for single/multiple, 1+ candidates for an election. */
  options: z.array(optionInput).max(MAX_POLL_OPTIONS).optional(),
  /** `multiple` only: at most this many options per ballot. */
  maxChoices: z.number().int().min(1).max(MAX_POLL_OPTIONS).optional(),
  /** `election` only. */
  seats: z.number().int().min(1).max(MAX_POLL_OPTIONS).optional(),
  rule: MajorityRuleSchema,
  allowChange: z.boolean().default(false),
  showLiveTally: z.boolean().default(false),
  durationSeconds: z.number().int().min(10).max(MAX_POLL_DURATION_SECONDS).optional(),
});
export type PollDefinition = z.infer<typeof PollDefinitionSchema>;
export type PollDefinitionInput = z.input<typeof PollDefinitionSchema>;

/** The cross-field rules of a definition, as zod issues (shared by create and update). */
function checkDefinition(d: PollDefinition, ctx: z.RefinementCtx): void {
  const options = d.options ?? [];
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (d.kind === 'yes_no_abstain' && options.length > 0) issue('options', 'yes/no/abstain has fixed options');
  if ((d.kind === 'single' || d.kind === 'multiple') && options.length < 2) {
    issue('options', 'needs at least 2 options');
  }
  if (d.kind === 'election' && options.length < 1) issue('options', 'needs at least 1 candidate');
  if (d.kind === 'multiple') {
    if (d.maxChoices === undefined) issue('maxChoices', 'multiple choice needs maxChoices');
    else if (d.maxChoices > options.length) issue('maxChoices', 'more than the number of options');
  } else if (d.maxChoices !== undefined) issue('maxChoices', 'only for multiple choice');
  if (d.kind === 'election') {
    if (d.seats === undefined) issue('seats', 'an election needs seats');
    else if (d.seats > options.length) issue('seats', 'more seats than candidates');
  } else if (d.seats !== undefined) issue('seats', 'only for an election');
  if (d.kind !== 'election' && options.some((o) => o.candidateUserId !== undefined)) {
    issue('options', 'candidates only in an election');
  }
  const labels = options.map((o) => o.label.toLocaleLowerCase('vi'));
  if (new Set(labels).size !== labels.length) issue('options', 'two options have the same label');
  // A secret ballot cannot be found again to be changed, and shows nothing before close.
  if (d.secret && d.allowChange) issue('allowChange', 'a secret ballot cannot be changed');
  if (d.secret && d.showLiveTally) issue('showLiveTally', 'a secret poll never shows a live tally');
}

// ---- commands (socket) --------------------------------------------------------------------

const Base = z.strictObject({ meetingId: uuid(), idempotencyKey: IdempotencyKeySchema });

/** The chair or the secretary prepares a poll (draft). */
export const PollCreateCommandSchema = Base.extend(PollDefinitionSchema.shape).superRefine(checkDefinition);
export type PollCreateCommand = z.input<typeof PollCreateCommandSchema>;

/** Replaces a draft's whole definition. */
export const PollUpdateCommandSchema = Base.extend({
  pollId: uuid(),
  ...PollDefinitionSchema.shape,
}).superRefine(checkDefinition);
export type PollUpdateCommand = z.input<typeof PollUpdateCommandSchema>;

/** Deletes a draft (an opened poll is part of the record and stays). */
export const PollDeleteCommandSchema = Base.extend({ pollId: uuid() });
export type PollDeleteCommand = z.infer<typeof PollDeleteCommandSchema>;

/** The chair opens a poll; without quorum it is refused QUORUM_NOT_REACHED unless confirmed. */
export const PollOpenCommandSchema = Base.extend({ pollId: uuid(), confirmNoQuorum: z.boolean().optional() });
export type PollOpenCommand = z.infer<typeof PollOpenCommandSchema>;

export const PollCloseCommandSchema = Base.extend({ pollId: uuid() });
export type PollCloseCommand = z.infer<typeof PollCloseCommandSchema>;

export const PollPublishCommandSchema = Base.extend({ pollId: uuid() });
export type PollPublishCommand = z.infer<typeof PollPublishCommandSchema>;

/** The secretary adds a voting member who arrived late (present now) while the poll is open. */
export const PollAddVoterCommandSchema = Base.extend({ pollId: uuid(), userId: uuid() });
export type PollAddVoterCommand = z.infer<typeof PollAddVoterCommandSchema>;

/**
 * Cast (or, where allowed, change) a ballot. `choices`: option ids (yes/no/abstain and single:
 * exactly one; multiple: 0..maxChoices; election: 0..seats — none is a blank ballot).
 * `proxyFor`: the absent member whose proxy the caller holds. Acknowledged only after commit;
 * a retry with the same key answers the same receipt and counts once.
 */
export const PollCastCommandSchema = Base.extend({
  pollId: uuid(),
  choices: z.array(PollOptionIdSchema).max(MAX_POLL_OPTIONS),
  proxyFor: uuid().optional(),
});
export type PollCastCommand = z.infer<typeof PollCastCommandSchema>;

export const PollCastResultSchema = z.object({
  pollId: uuid(),
  /** Whose vote this is (the caller, or `proxyFor`). */
  userId: uuid(),
  /** The receipt code ("Mã phiếu"), e.g. `K7Q2M-9XH4T`; published with the poll after close. */
  receipt: z.string(),
  /** A named ballot replaced an earlier one (allowChange). */
  changed: z.boolean(),
});
export type PollCastResult = z.infer<typeof PollCastResultSchema>;

/** The caller's own rights in a poll (not in the shared snapshot: it is per user). */
export const PollMineCommandSchema = z.strictObject({ meetingId: uuid(), pollId: uuid() });
export type PollMineCommand = z.infer<typeof PollMineCommandSchema>;

export const PollProgressSchema = z.object({
  meetingId: uuid(),
  pollId: uuid(),
  cast: z.number().int().nonnegative(),
  voters: z.number().int().nonnegative(),
  /** Only for a named poll whose chair allows the live tally; never for a secret poll before close. */
  tally: z
    .array(z.object({ optionId: PollOptionIdSchema, count: z.number().int().nonnegative() }))
    .optional(),
});
/** Server → room, ephemeral (not logged), coalesced to a few per second per poll. */
export type PollProgress = z.infer<typeof PollProgressSchema>;

export const PollMineSchema = z.object({
  pollId: uuid(),
  /** One per ballot the caller may cast: their own and the proxies they hold. */
  entitlements: z.array(
    z.object({
      userId: uuid(),
      cast: z.boolean(),
      /**
       * Named polls: the receipt and choices of the stored ballot. Secret polls: always null — the
       * server cannot tell which ballot is the caller's; the tablet keeps the receipt from the ack.
       */
      receipt: z.string().nullable(),
      choices: z.array(PollOptionIdSchema).nullable(),
    }),
  ),
  /** The progress now (so a screen that joins mid-poll does not wait for the next `poll.progress`). */
  progress: PollProgressSchema.nullable(),
});
export type PollMine = z.infer<typeof PollMineSchema>;

// ---- REST ---------------------------------------------------------------------------------

/** GET /meetings/:meetingId/polls/:pollId/receipts/:receipt — is this receipt counted? */
export const ReceiptCheckSchema = z.object({
  pollId: uuid(),
  receipt: z.string(),
  /** The poll is closed and a stored ballot has this receipt. */
  counted: z.boolean(),
});
export type ReceiptCheck = z.infer<typeof ReceiptCheckSchema>;

/** A receipt as typed by a person: letters and digits, the dash optional, any case. */
export const ReceiptCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-Z]{5}-?[0-9A-Z]{5}$/)
  .transform((s) => (s.includes('-') ? s : `${s.slice(0, 5)}-${s.slice(5)}`));
