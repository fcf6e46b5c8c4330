import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type {
  Poll,
  PollCastCommand,
  PollCastResult,
  PollDefinition,
  PollMine,
  PollOption,
  ReceiptCheck,
} from '@phonghop/common';
import {
  ballotsDigestText,
  canSeeUnpublishedResult,
  checkAddPollVoter,
  checkBallot,
  checkCastBallot,
  checkClosePoll,
  checkLateVoter,
  checkOpenPoll,
  checkPreparePoll,
  checkPublishPoll,
  computePollResult,
  computeQuorum,
  entitlementsOf,
  pollOptionIds,
  votersAtOpen,
  YES_NO_ABSTAIN_LABELS,
  YES_NO_ABSTAIN_OPTION_IDS,
} from '@phonghop/common';
import { randomInt, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { AttendanceRepository } from '../attendance/attendance.repository';
import { Caller, enforce } from '../meeting-events/caller';
import { MeetingAccessService } from '../meeting-events/meeting-access.service';
import {
  CommandContext,
  CommandOutcome,
  CommandResponse,
  MeetingCommandService,
} from '../meeting-events/meeting-command.service';
import { PollEntity } from './poll.entity';
import { PollProgressService } from './poll-progress.service';
import { PollsRepository, StoredBallot, toPoll } from './polls.repository';
import { receiptFor, sha256Hex } from './receipt';
import { renderResultsPdf } from './results-pdf';

/**
 * Voting. Preparing, opening, closing, publishing a poll and adding a late voter are commands on the
 * meeting log (MeetingCommandService: the meeting's lock, the role from the database, one event).
 *
 * Casting is not an event: thousands of ballots must not queue on the meeting's lock, and a secret
 * ballot must not sit in a log row or a command receipt beside its voter. A cast is its own short
 * transaction that share-locks the poll row (so casts run side by side, and a close waits for every
 * cast in flight and then sees all of them), checks the voter's right, writes the ballot under a
 * database constraint (one per voter and per proxy) and is acknowledged after commit with its
 * receipt. The close event then carries the tally and a hash over every ballot. See docs/voting.md.
 */
@Injectable()
export class PollsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Polls');
  /** Timers of open polls with a duration that this node opened (if it dies, the sweep closes them). */
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The sweep of overdue polls (every node), and whether one is running. */
  private sweep?: NodeJS.Timeout;
  private sweeping = false;
  /** Open polls' definitions, for the casts' one-statement path (`openPoll`). */
  private readonly openPolls = new Map<string, PollEntity>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly commands: MeetingCommandService,
    private readonly access: MeetingAccessService,
    private readonly polls: PollsRepository,
    private readonly attendance: AttendanceRepository,
    private readonly progress: PollProgressService,
  ) {}

  onModuleInit(): void {
    // A failed sweep (the database restarting, or gone while the process stops) is logged and
    // tried again on the next tick; left unhandled, its rejection would end the process.
    this.sweep = setInterval(
      () =>
        void this.sweepOverdue().catch((err: Error) => this.logger.warn(`poll sweep failed: ${err.message}`)),
      SWEEP_INTERVAL_MS,
    );
    this.sweep.unref();
  }

  onModuleDestroy(): void {
    if (this.sweep) clearInterval(this.sweep);
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  // ---- preparing ----------------------------------------------------------------------------

  create(caller: Caller, meetingId: string, def: PollDefinition): Promise<CommandResponse<Poll>> {
    return this.commands.execute({
      ...spec(caller, meetingId, 'poll.create', def),
      handle: async (ctx) => {
        enforce(checkPreparePoll(ctx.meeting.status, ctx.actor));
        await this.checkItem(ctx, def.agendaItemId ?? null);
        const entity = Object.assign(new PollEntity(), {
          id: randomUUID(),
          meetingId,
          ...definitionColumns(def),
          status: 'draft' as const,
          createdById: caller.user.id,
          createdAt: ctx.at,
          openedAt: null,
          closesAt: null,
          closedAt: null,
          publishedAt: null,
          members: null,
          quorum: null,
          result: null,
          ballotsHash: null,
          receipts: null,
          votes: null,
          createdSeq: ctx.seq,
        });
        await this.polls.insert(ctx.manager, entity);
        const poll = toPoll(entity, []);
        return { type: 'poll.created', payload: { poll }, result: poll };
      },
    });
  }

  update(
    caller: Caller,
    meetingId: string,
    pollId: string,
    def: PollDefinition,
  ): Promise<CommandResponse<Poll>> {
    return this.commands.execute({
      ...spec(caller, meetingId, 'poll.update', { pollId, ...def }),
      handle: async (ctx) => {
        const entity = await this.find(ctx, pollId);
        enforce(checkPreparePoll(ctx.meeting.status, ctx.actor, entity.status));
        await this.checkItem(ctx, def.agendaItemId ?? null);
        const columns = definitionColumns(def);
        await this.polls.update(ctx.manager, pollId, columns);
        const poll = toPoll(Object.assign(entity, columns), []);
        return { type: 'poll.updated', payload: { poll }, result: poll };
      },
    });
  }

  delete(caller: Caller, meetingId: string, pollId: string): Promise<CommandResponse<null>> {
    return this.commands.execute({
      ...spec(caller, meetingId, 'poll.delete', { pollId }),
      handle: async (ctx) => {
        const entity = await this.find(ctx, pollId);
        enforce(checkPreparePoll(ctx.meeting.status, ctx.actor, entity.status));
        await this.polls.delete(ctx.manager, pollId);
        return { type: 'poll.deleted', payload: { pollId }, result: null };
      },
    });
  }

  // ---- running ------------------------------------------------------------------------------

  /**
   * Opens a draft: fixes its voters (present voting members and the proxies they hold), records the
   * quorum (refused without it unless the chair confirms) and starts the timer if it has one.
   */
  open(
    caller: Caller,
    meetingId: string,
    pollId: string,
    confirmNoQuorum = false,
  ): Promise<CommandResponse<Poll>> {
    return this.commands.execute({
      ...spec(caller, meetingId, 'poll.open', { pollId, confirmNoQuorum }),
      handle: async (ctx) => {
        const entity = await this.find(ctx, pollId);
        enforce(checkOpenPoll(ctx.meeting.status, ctx.actor, entity.status));
        const members = await this.polls.members(ctx.manager, meetingId);
        const { settings, records } = await this.attendance.state(meetingId, ctx.manager);
        const q = computeQuorum(members, records, settings);
        if (!q.reached && !confirmNoQuorum) throw new AppException('QUORUM_NOT_REACHED');
        const voters = votersAtOpen(members, records, settings.proxiesAllowed);
        await this.polls.addVoters(ctx.manager, pollId, voters, 1);
        const quorum = {
          counted: q.counted,
          required: q.required,
          expected: q.expected,
          reached: q.reached,
          confirmedWithoutQuorum: !q.reached,
        };
        const closesAt = entity.durationSeconds
          ? new Date(ctx.at.getTime() + entity.durationSeconds * 1000)
          : null;
        const patch = { status: 'open' as const, openedAt: ctx.at, closesAt, members: q.expected, quorum };
        await this.polls.update(ctx.manager, pollId, patch);
        ctx.afterCommit(() => {
          if (closesAt) this.startTimer(caller.user, meetingId, pollId, closesAt);
          this.progress.touch(meetingId, entity);
        });
        return {
          type: 'poll.opened',
          payload: {
            pollId,
            openedAt: ctx.at.toISOString(),
            closesAt: closesAt?.toISOString() ?? null,
            members: q.expected,
            voters,
            quorum,
          },
          result: toPoll(Object.assign(entity, patch), voters),
        };
      },
    });
  }

  /** The secretary (or the chair) adds a voting member who arrived after the poll opened. */
  addVoter(
    caller: Caller,
    meetingId: string,
    pollId: string,
    userId: string,
  ): Promise<CommandResponse<null>> {
    return this.commands.execute({
      ...spec(caller, meetingId, 'poll.addVoter', { pollId, userId }),
      handle: async (ctx) => {
        const entity = await this.find(ctx, pollId);
        enforce(checkAddPollVoter(ctx.actor, entity.status));
        const voters = await this.polls.voters(ctx.manager, pollId);
        const { role, status } = await this.polls.attendanceOf(ctx.manager, meetingId, userId);
        enforce(checkLateVoter({ role, status, voters, userId }));
        const voter = { userId, holderId: userId, late: true };
        await this.polls.addVoters(ctx.manager, pollId, [voter], voters.length + 1);
        ctx.afterCommit(() => this.progress.touch(meetingId, entity));
        return { type: 'poll.voterAdded', payload: { pollId, voter }, result: null };
      },
    });
  }

  /**
   * Closes an open poll: counts the ballots, hashes them, and for a secret poll re-writes them in a
   * random order into poll_secret_ballots and truncates the box (new files; the old ones are dropped
   * at commit). The event carries the result and the hash.
   */
  close(caller: Caller, meetingId: string, pollId: string, byTimer = false): Promise<CommandResponse<Poll>> {
    return this.commands.execute({
      ...spec(caller, meetingId, 'poll.close', { pollId }),
      handle: (ctx) => this.closeHandler(ctx, pollId, byTimer),
    });
  }

  /**
   * Closes an open poll whose `closesAt` has passed, as the system (the event's actor is null,
   * `byTimer: true`). Every node runs this for every overdue poll (`sweepOverdue`), so a poll closes
   * on time even when the node that opened it — and held its timer — has died. Two nodes closing the
   * same poll queue on the meeting's lock; the second finds it closed (POLL_NOT_OPEN, ignored).
   */
  closeOverdue(meetingId: string, pollId: string): Promise<CommandResponse<Poll>> {
    return this.commands.executeAsSystem({
      meetingId,
      command: 'poll.close',
      request: { pollId },
      handle: (ctx) => this.closeHandler(ctx, pollId, true),
    });
  }

  /** Every overdue open poll, closed by the system (see closeOverdue). One sweep at a time per node. */
  async sweepOverdue(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      for (const p of await this.polls.overdueOpen(new Date(Date.now() - SWEEP_GRACE_MS))) {
        await this.closeOverdue(p.meetingId, p.pollId).catch((err: unknown) => {
          const code = err instanceof AppException ? err.code : (err as Error).message;
          if (code !== 'POLL_NOT_OPEN') this.logger.warn(`sweep could not close poll ${p.pollId}: ${code}`);
        });
      }
    } finally {
      this.sweeping = false;
    }
  }

  private async closeHandler(
    ctx: CommandContext,
    pollId: string,
    byTimer: boolean,
  ): Promise<CommandOutcome<'poll.closed', Poll>> {
    // A secret poll's box is locked before its row, in the order every cast takes them
    // (PollsRepository.lockBoxForCast). Whether it is secret is read first, unlocked: a poll's
    // commands queue on the meeting, so it cannot change before the row is locked below.
    const secret = (await this.polls.find(ctx.manager, ctx.meeting.id, pollId))?.secret === true;
    if (secret) await this.polls.lockBox(ctx.manager);
    // FOR UPDATE waits for every cast in flight (they hold the row FOR SHARE) and then sees them.
    const entity = await this.find(ctx, pollId);
    enforce(checkClosePoll(ctx.actor, entity.status));
    if (entity.secret !== secret) throw new Error(`poll ${pollId} changed its secrecy during its close`);
    const ballots: StoredBallot[] = entity.secret
      ? await this.polls.boxBallots(ctx.manager, pollId)
      : await this.polls.namedBallots(ctx.manager, pollId);
    const voters = await this.polls.countVoters(ctx.manager, pollId);
    const result = computePollResult(entity, { voters, members: entity.members ?? 0 }, ballots);
    const ballotsHash = sha256Hex(ballotsDigestText(ballots));
    if (entity.secret) await this.polls.sealBox(ctx.manager, pollId, shuffle(ballots), shuffle);
    const patch = { status: 'closed' as const, closedAt: ctx.at, result, ballotsHash };
    await this.polls.update(ctx.manager, pollId, patch);
    ctx.afterCommit(() => {
      this.stopTimer(pollId);
      this.openPolls.delete(pollId);
    });
    return {
      type: 'poll.closed',
      payload: { pollId, closedAt: ctx.at.toISOString(), byTimer, result, ballotsHash },
      result: toPoll(Object.assign(entity, patch), await this.polls.voters(ctx.manager, pollId)),
    };
  }

  /** Publishes a closed poll: every receipt and, for a named poll, who voted what. */
  publish(caller: Caller, meetingId: string, pollId: string): Promise<CommandResponse<null>> {
    return this.commands.execute({
      ...spec(caller, meetingId, 'poll.publish', { pollId }),
      handle: async (ctx) => {
        const entity = await this.find(ctx, pollId);
        enforce(checkPublishPoll(ctx.actor, entity.status));
        const named = entity.secret ? null : await this.polls.namedBallots(ctx.manager, pollId);
        const ballots = named ?? (await this.polls.secretBallots(ctx.manager, pollId));
        const receipts = ballots.map((b) => b.receipt).sort();
        // Named polls publish who voted what; a secret poll never has `votes`.
        const votes =
          named
            ?.map((b) => ({ userId: b.userId, castById: b.castById, choices: b.choices, receipt: b.receipt }))
            .sort((x, y) => x.userId.localeCompare(y.userId)) ?? null;
        await this.polls.update(ctx.manager, pollId, {
          status: 'published',
          publishedAt: ctx.at,
          receipts,
          votes,
        });
        return {
          type: 'poll.published',
          payload: { pollId, publishedAt: ctx.at.toISOString(), receipts, votes },
          result: null,
        };
      },
    });
  }

  // ---- casting ------------------------------------------------------------------------------

  /**
   * Casts (or, where allowed, changes) a ballot. Acknowledged only after commit. A retry with the
   * same idempotency key answers the same receipt and writes nothing.
   */
  async cast(user: AuthUser, cmd: PollCastCommand): Promise<PollCastResult> {
    const userId = cmd.proxyFor ?? user.id;
    const receipt = receiptFor(cmd.pollId, cmd.idempotencyKey);
    const answer = (changed: boolean): PollCastResult => ({ pollId: cmd.pollId, userId, receipt, changed });

    // The common case in one statement (PollsRepository.castInOneStatement); anything else — a
    // refusal, a retry, a second ballot, a change — takes the full path below for its exact answer.
    const open = await this.openPoll(cmd.meetingId, cmd.pollId);
    const valid = open && checkBallot(open, cmd.choices);
    if (open && valid && valid.ok && UUID.test(user.sessionId)) {
      const written = await this.polls
        .castInOneStatement({
          sessionId: user.sessionId,
          callerId: user.id,
          meetingId: cmd.meetingId,
          pollId: cmd.pollId,
          userId,
          secret: open.secret,
          now: new Date(),
          ballot: { receipt, choices: valid.choices },
          idempotencyKey: cmd.idempotencyKey,
        })
        .catch((err: unknown) => {
          // The receipt is in the box already: this key cast another voter's ballot.
          if (violates(err, 'uq_poll_ballot_box_receipt')) throw new AppException('IDEMPOTENCY_KEY_REUSED');
          throw err;
        });
      if (written) {
        this.progress.touch(cmd.meetingId, open);
        return answer(false);
      }
    }

    const outcome = await this.dataSource.transaction(async (manager) => {
      await this.access.open(cmd.meetingId, user, 'poll.cast', { manager });
      // The box before the poll row, as a close takes them (unless the poll is known to be named).
      if (open?.secret !== false) await this.polls.lockBoxForCast(manager);
      const poll = await this.polls.find(manager, cmd.meetingId, cmd.pollId, 'share');
      if (!poll) throw new AppException('POLL_NOT_FOUND');
      const voter = await this.polls.voter(manager, cmd.pollId, userId);
      const ballot = checkBallot(poll, cmd.choices);
      const rule = checkCastBallot({
        callerId: user.id,
        userId,
        pollStatus: poll.status,
        closesAt: poll.closesAt?.toISOString() ?? null,
        nowMs: Date.now(),
        voters: voter ? [voter] : [],
      });
      if (!rule.ok) {
        // A retry of a cast that committed before the poll closed (its ack was lost) still gets
        // its answer. (While open, a retry is recognised by the insert's conflict below.)
        const mayReplay = voter?.holderId === user.id && ballot.ok;
        if (
          mayReplay &&
          (await this.replay(manager, poll, userId, receipt, ballot.choices, cmd.idempotencyKey))
        ) {
          return { poll, result: answer(false), wrote: false };
        }
        enforce(rule);
      }
      if (!ballot.ok) throw new AppException('BALLOT_INVALID');
      const stored = { receipt, choices: ballot.choices };
      const changed = poll.secret
        ? await this.castSecret(manager, poll, userId, stored)
        : await this.castNamed(manager, poll, userId, user.id, stored, cmd.idempotencyKey);
      return { poll, result: answer(changed), wrote: true };
    });
    if (outcome.wrote) this.progress.touch(cmd.meetingId, outcome.poll);
    return outcome.result;
  }

  /** The stored answer of an earlier cast with this key, or null; IDEMPOTENCY_KEY_REUSED if it differs. */
  private async replay(
    manager: EntityManager,
    poll: PollEntity,
    userId: string,
    receipt: string,
    choices: string[],
    key: string,
  ): Promise<boolean> {
    let stored: StoredBallot | null = null;
    if (poll.secret) {
      // The receipt is derived from the key; a ballot with it exists only if this key cast it
      // (and the voter's marker shows they voted). After close the ballot is in the sealed table.
      if ((await this.polls.markedVoters(manager, poll.id, [userId])).size === 0) return false;
      stored =
        (await this.polls.boxBallot(manager, poll.id, receipt)) ??
        (await this.polls.secretBallots(manager, poll.id)).find((b) => b.receipt === receipt) ??
        null;
    } else {
      const named = (await this.polls.namedBallotsOf(manager, poll.id, [userId]))[0];
      if (named?.previousKeys?.includes(key)) return true; // a replaced cast: its receipt, nothing changes
      stored = named?.idempotencyKey === key ? named : null;
    }
    if (!stored) return false;
    if (!sameChoices(stored.choices, choices)) throw new AppException('IDEMPOTENCY_KEY_REUSED');
    return true;
  }

  private async castNamed(
    manager: EntityManager,
    poll: PollEntity,
    userId: string,
    castById: string,
    stored: StoredBallot,
    idempotencyKey: string,
  ): Promise<boolean> {
    const ballot = { ...stored, userId, castById, idempotencyKey };
    // ON CONFLICT DO NOTHING: a concurrent cast for the same voter waits for the first to commit,
    // then finds its row here instead of failing the transaction.
    if (await this.polls.insertNamedBallot(manager, poll.id, ballot, new Date())) return false;
    const existing = await this.polls.namedBallot(manager, poll.id, userId);
    if (!existing) throw new AppException('IDEMPOTENCY_KEY_REUSED'); // the receipt (key) is another voter's
    if (existing.idempotencyKey === idempotencyKey) {
      if (!sameChoices(existing.choices, stored.choices)) throw new AppException('IDEMPOTENCY_KEY_REUSED');
      return false;
    }
    // A late retry of a cast that a later one replaced: answer its receipt, change nothing.
    if (existing.previousKeys?.includes(idempotencyKey)) return false;
    if (!poll.allowChange) throw new AppException('ALREADY_VOTED');
    if (!(await this.polls.replaceNamedBallot(manager, poll.id, ballot, new Date()))) {
      throw new AppException('IDEMPOTENCY_KEY_REUSED');
    }
    return true;
  }

  /**
   * A secret ballot: the voter's marker (primary key: one per voter) and the ballot in the box (no
   * voter, no time, a random id) in one transaction, so neither exists without the other. They share
   * this transaction's id until the poll closes and the box is sealed (docs/voting.md).
   */
  private async castSecret(
    manager: EntityManager,
    poll: PollEntity,
    userId: string,
    stored: StoredBallot,
  ): Promise<boolean> {
    if (!(await this.polls.markSecretVoter(manager, poll.id, userId))) {
      const same = await this.polls.boxBallot(manager, poll.id, stored.receipt);
      if (!same) throw new AppException('ALREADY_VOTED');
      if (!sameChoices(same.choices, stored.choices)) throw new AppException('IDEMPOTENCY_KEY_REUSED');
      return false;
    }
    if (!(await this.polls.insertIntoBox(manager, poll.id, randomUUID(), stored))) {
      throw new AppException('IDEMPOTENCY_KEY_REUSED');
    }
    return false;
  }

  /**
   * What a cast needs of a poll it may be cast in (its options, secret or named), kept per node
   * once seen open: an open poll's definition no longer changes (only drafts are edited), and
   * whether it is still open is checked by the cast's own statement. Null unless open when read.
   */
  private async openPoll(meetingId: string, pollId: string): Promise<PollEntity | null> {
    const known = this.openPolls.get(pollId);
    if (known) return known.meetingId === meetingId ? known : null;
    const poll = await this.polls.find(this.dataSource.manager, meetingId, pollId);
    if (poll?.status !== 'open') return null;
    if (this.openPolls.size >= 1000) this.openPolls.clear();
    this.openPolls.set(pollId, poll);
    return poll;
  }

  // ---- reading ------------------------------------------------------------------------------

  /** The caller's own rights in a poll, whether each is cast, and the progress now. */
  async mine(user: AuthUser, meetingId: string, pollId: string): Promise<PollMine> {
    const manager = this.dataSource.manager;
    await this.access.open(meetingId, user, 'poll.mine', { manager });
    const poll = await this.polls.find(manager, meetingId, pollId);
    if (!poll) throw new AppException('POLL_NOT_FOUND');
    const mine = entitlementsOf(await this.polls.voters(manager, pollId), user.id).map((v) => v.userId);
    const entitlements: PollMine['entitlements'] = [];
    if (poll.secret) {
      const marked = await this.polls.markedVoters(manager, pollId, mine);
      for (const id of mine)
        entitlements.push({ userId: id, cast: marked.has(id), receipt: null, choices: null });
    } else {
      const ballots = new Map(
        (await this.polls.namedBallotsOf(manager, pollId, mine)).map((b) => [b.userId, b]),
      );
      for (const id of mine) {
        const b = ballots.get(id);
        entitlements.push({
          userId: id,
          cast: !!b,
          receipt: b?.receipt ?? null,
          choices: b?.choices ?? null,
        });
      }
    }
    const progress = poll.status === 'open' ? await this.progress.read(meetingId, poll) : null;
    return { pollId, entitlements, progress };
  }

  /** One poll, for a participant (REST). */
  async get(user: AuthUser, meetingId: string, pollId: string): Promise<Poll> {
    const manager = this.dataSource.manager;
    await this.access.open(meetingId, user, 'poll.get', { manager });
    const poll = await this.polls.find(manager, meetingId, pollId);
    if (!poll) throw new AppException('POLL_NOT_FOUND');
    return toPoll(poll, await this.polls.voters(manager, pollId));
  }

  /** Whether a receipt is among the stored ballots of a closed poll ("phiếu của tôi đã được đếm"). */
  async checkReceipt(
    user: AuthUser,
    meetingId: string,
    pollId: string,
    receipt: string,
  ): Promise<ReceiptCheck> {
    const manager = this.dataSource.manager;
    await this.access.open(meetingId, user, 'poll.receipt', { manager });
    const poll = await this.polls.find(manager, meetingId, pollId);
    if (!poll) throw new AppException('POLL_NOT_FOUND');
    if (poll.status === 'draft' || poll.status === 'open') return { pollId, receipt, counted: false };
    const ballots = poll.secret
      ? await this.polls.secretBallots(manager, pollId)
      : await this.polls.namedBallots(manager, pollId);
    return { pollId, receipt, counted: ballots.some((b) => b.receipt === receipt) };
  }

  /** The results PDF of a closed poll (before publishing: only those who run the meeting). */
  async resultsPdf(user: AuthUser, meetingId: string, pollId: string): Promise<Uint8Array> {
    const manager = this.dataSource.manager;
    const { meeting, actor } = await this.access.open(meetingId, user, 'poll.resultsPdf', { manager });
    const entity = await this.polls.find(manager, meetingId, pollId);
    if (!entity) throw new AppException('POLL_NOT_FOUND');
    if (entity.status === 'draft' || entity.status === 'open') throw new AppException('POLL_NOT_CLOSED');
    if (entity.status === 'closed' && !canSeeUnpublishedResult(actor))
      throw new AppException('POLL_NOT_CLOSED');
    const poll = toPoll(entity, await this.polls.voters(manager, pollId));
    const officers = await this.polls.officers(meetingId);
    const people = [
      ...(poll.votes ?? []).flatMap((v) => [v.userId, v.castById]),
      ...poll.options.flatMap((o) => (o.candidateUserId ? [o.candidateUserId] : [])),
    ];
    return renderResultsPdf({
      poll,
      meetingTitle: meeting.title,
      chairNames: officers.filter((o) => o.role === 'chair').map((o) => o.fullName),
      secretaryNames: officers.filter((o) => o.role === 'secretary').map((o) => o.fullName),
      names: await this.polls.userNames([...new Set(people)]),
      at: new Date(),
    });
  }

  // ---- helpers ------------------------------------------------------------------------------

  private async find(ctx: CommandContext, pollId: string): Promise<PollEntity> {
    const poll = await this.polls.find(ctx.manager, ctx.meeting.id, pollId, 'update');
    if (!poll) throw new AppException('POLL_NOT_FOUND');
    return poll;
  }

  private async checkItem(ctx: CommandContext, itemId: string | null): Promise<void> {
    if (itemId && !(await this.polls.agendaItemExists(ctx.manager, ctx.meeting.id, itemId))) {
      throw new AppException('AGENDA_ITEM_NOT_FOUND');
    }
  }

  /**
   * Closes the poll when its time is up, as the chair who opened it (`byTimer` on the event). Casts
   * after `closesAt` are refused anyway (POLL_TIME_UP); if this node dies or the chair's session
   * has ended meanwhile, every node's sweep closes it as the system (sweepOverdue).
   */
  private startTimer(opener: AuthUser, meetingId: string, pollId: string, closesAt: Date): void {
    this.stopTimer(pollId);
    const timer = setTimeout(
      () => {
        this.timers.delete(pollId);
        this.close({ user: opener, idempotencyKey: null }, meetingId, pollId, true).catch((err: unknown) => {
          const code = err instanceof AppException ? err.code : (err as Error).message;
          if (code !== 'POLL_NOT_OPEN') this.logger.warn(`timer could not close poll ${pollId}: ${code}`);
        });
      },
      Math.max(0, closesAt.getTime() - Date.now()),
    );
    timer.unref();
    this.timers.set(pollId, timer);
  }

  private stopTimer(pollId: string): void {
    const t = this.timers.get(pollId);
    if (t) clearTimeout(t);
    this.timers.delete(pollId);
  }
}

function spec(caller: Caller, meetingId: string, command: string, request: unknown) {
  return { meetingId, actor: caller.user, command, idempotencyKey: caller.idempotencyKey, request };
}

/** The columns a definition sets (create and update): option ids made here, the fixed three for yes/no/abstain. */
function definitionColumns(def: PollDefinition) {
  const ids = pollOptionIds(def.kind, def.options?.length ?? 0);
  const options: PollOption[] =
    def.kind === 'yes_no_abstain'
      ? YES_NO_ABSTAIN_OPTION_IDS.map((id) => ({
          id,
          label: YES_NO_ABSTAIN_LABELS[id].vi,
          candidateUserId: null,
        }))
      : (def.options ?? []).map((o, i) => ({
          id: ids[i],
          label: o.label,
          candidateUserId: o.candidateUserId ?? null,
        }));
  const maxChoices = def.kind === 'multiple' ? def.maxChoices! : def.kind === 'election' ? def.seats! : 1;
  return {
    agendaItemId: def.agendaItemId ?? null,
    title: def.title,
    description: def.description ?? null,
    kind: def.kind,
    secret: def.secret,
    options,
    maxChoices,
    seats: def.kind === 'election' ? def.seats! : null,
    rule: def.rule,
    allowChange: def.allowChange,
    showLiveTally: def.showLiveTally,
    durationSeconds: def.durationSeconds ?? null,
  };
}

/**
 * Every node looks for open polls past their `closesAt` this often, and closes those overdue by
 * more than the grace (the opening node's timer normally closes them first, as the chair).
 */
export const SWEEP_INTERVAL_MS = 2_000;
const SWEEP_GRACE_MS = 1_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a query failed on this constraint. */
function violates(err: unknown, constraint: string): boolean {
  return (
    err instanceof QueryFailedError && (err.driverError as { constraint?: string }).constraint === constraint
  );
}

function sameChoices(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

/** Fisher–Yates with the crypto generator: the sealed order says nothing about the cast order. */
function shuffle<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
