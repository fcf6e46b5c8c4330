import { Injectable, Logger } from '@nestjs/common';
import type { Meeting, MeetingEvent, MeetingEventPayloads, MeetingEventType } from '@phonghop/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { RealtimeService } from '../realtime/realtime.service';
import { rooms } from '../realtime/realtime.types';
import { toMeeting } from '../meetings/meeting.mapper';
import { MeetingEntity } from '../meetings/meeting.entity';
import { GENESIS_HASH, hashEvent, hashRequest, StoredEventRow } from './event-hash';
import { CommandActor, MeetingAccessService, OpenedMeeting } from './meeting-access.service';
import { MeetingCommandBatches, settle, Settled } from './meeting-command-batches';
import { MeetingCommandQueue } from './meeting-command-queue';
import { MeetingEventsRepository, ReceiptRow, toMeetingEvent } from './meeting-events.repository';

/** What a handler sees: the locked meeting, who acts, the transaction, and the event's seq and time. */
export interface CommandContext {
  manager: EntityManager;
  /** The meeting as locked at the start of the command (null while creating it). */
  meeting: Meeting;
  actor: CommandActor;
  /** The seq the event of this command gets. */
  seq: number;
  /** The event's time; handlers stamp state changes with it so state and log agree exactly. */
  at: Date;
  /** Work to do once the transaction has committed (socket emits, e-mail). Skipped on rollback. */
  afterCommit(task: () => unknown): void;
}

/** A handler's answer: the event to append, and the result for the caller. */
export interface CommandOutcome<K extends MeetingEventType, R> {
  type: K;
  payload: MeetingEventPayloads[K];
  result: R;
}

export interface CommandResponse<R> {
  event: MeetingEvent;
  result: R;
}

export interface CommandSpec<K extends MeetingEventType, R> {
  meetingId: string;
  actor: AuthUser;
  /** The command's name (`agenda.add`, `meeting.transition` …), logged and kept in receipts. */
  command: string;
  /** Null: the caller gave none (REST without the header) — the command is not deduplicated. */
  idempotencyKey: string | null;
  /** The validated request, hashed into the receipt so a reused key with other data is caught. */
  request: unknown;
  /**
   * The handler reads the meeting's event log (the presentation's state is its last event). In a
   * group-commit batch the events are written together at the end; before such a handler runs,
   * the ones already applied are written, so it reads the log as it would alone.
   */
  readsLog?: boolean;
  handle(ctx: CommandContext): Promise<CommandOutcome<K, R>>;
}

export interface CreateSpec<R> extends Omit<CommandSpec<'meeting.created', R>, 'handle'> {
  /** Inserts the meeting row (with last_seq 0, last_hash GENESIS_HASH) and its first participants. */
  handle(
    ctx: Omit<CommandContext, 'meeting' | 'actor'> & { actor: AuthUser },
  ): Promise<CommandOutcome<'meeting.created', R>>;
}

/** At most this many queued commands of one meeting go into one transaction. */
const MAX_BATCH = 20;

type AnySpec = CommandSpec<MeetingEventType, unknown>;

/**
 * Events that change what opening a command reads: the meeting row (`meeting.*`) or who takes part
 * in what role (`participant.*`). In a batch, the commands after one of them are opened again.
 */
const REOPENS = /^(meeting|participant)\./;

/** Where `apply` puts a command's event and receipt: written at once, or kept for the batch's one append. */
type AppendSink = (row: StoredEventRow, receipt: ReceiptRow | null) => Promise<void>;

/**
 * A batch's events and receipts, kept until they are written together (`write`), and the chain's
 * head after the last one applied: the meeting row's last_seq and last_hash move only when they are
 * written, so the batch counts on from here.
 */
class BatchLog {
  private rows: StoredEventRow[] = [];
  private receipts: (ReceiptRow & { actorId: string | null })[] = [];
  private last: StoredEventRow | null = null;

  constructor(
    private readonly events: MeetingEventsRepository,
    private readonly manager: EntityManager,
  ) {}

  readonly sink: AppendSink = async (row, receipt) => {
    this.rows.push(row);
    if (receipt) this.receipts.push({ ...receipt, actorId: row.actorId });
    this.last = row;
  };

  /** The opened meeting with the head of the chain as this batch has moved it. */
  head(opened: OpenedMeeting): OpenedMeeting {
    if (!this.last) return opened;
    return { ...opened, meeting: { ...opened.meeting, lastSeq: this.last.seq }, lastHash: this.last.hash };
  }

  async write(): Promise<void> {
    if (this.rows.length === 0) return;
    await this.events.appendBatch(this.manager, this.rows, this.receipts);
    this.rows = [];
    this.receipts = [];
  }
}

/** Who acts in `executeAsSystem` (never a row in users; the event's actorId is null). */
const SYSTEM_ACTOR: AuthUser = {
  id: '00000000-0000-0000-0000-000000000000',
  sessionId: '',
  systemRole: 'admin',
};

/**
 * The one path of every change to a meeting, from REST and socket alike. In one PostgreSQL
 * transaction it: checks the idempotency receipt, locks the meeting row, checks who acts, lets the
 * handler check its rule and change the state tables, appends the event (seq = last_seq + 1,
 * chained by hash) and stores the receipt. Only after commit is the event broadcast to the room
 * `meeting:<id>`. Any failure rolls it all back: no half-written state, no event.
 *
 * Later domains (documents, attendance, speakers, polls, media, minutes) use this same service.
 */
@Injectable()
export class MeetingCommandService {
  private readonly logger = new Logger('MeetingCommands');

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: MeetingAccessService,
    private readonly events: MeetingEventsRepository,
    private readonly realtime: RealtimeService,
    private readonly queue: MeetingCommandQueue,
  ) {
    this.batches = new MeetingCommandBatches(queue, (specs) => this.runBatch(specs), MAX_BATCH);
  }

  /** Commands of a meeting that queue while it is busy, gathered into batches (group commit). */
  private readonly batches: MeetingCommandBatches<AnySpec, CommandResponse<unknown>>;

  /**
   * Runs a command on an existing meeting, in its meeting's queue (one meeting cannot take the
   * pool). Commands of a meeting that arrive while its queue is busy wait together and run as one
   * batch in one transaction (runBatch): under load the meeting's lock, BEGIN and COMMIT are paid
   * once per batch, not once per command, so a fast meeting's event rate no longer falls with the
   * time its broadcasts take. A command that finds the queue free runs at once, alone.
   */
  execute<K extends MeetingEventType, R>(spec: CommandSpec<K, R>): Promise<CommandResponse<R>> {
    return this.batches.submit(spec.meetingId, spec as unknown as AnySpec) as Promise<CommandResponse<R>>;
  }

  private runAlone<R>(spec: CommandSpec<MeetingEventType, R>): Promise<CommandResponse<R>> {
    return this.run(spec, spec.meetingId, (manager) => this.openForCommand(spec, manager));
  }

  /** Locks the meeting row, reads who acts and the command's receipt: one statement. */
  private openForCommand(spec: CommandSpec<MeetingEventType, unknown>, manager: EntityManager) {
    return this.access.open(spec.meetingId, spec.actor, spec.command, {
      manager,
      lock: true,
      receiptKey: spec.idempotencyKey,
    });
  }

  /**
   * A command no person gives — a document's conversion finished (documents module) — appended
   * like any other under the meeting's lock, with `actorId` null ("the system"). No role check and
   * no idempotency key: the caller is the server itself, acting once.
   */
  executeAsSystem<K extends MeetingEventType, R>(
    spec: Omit<CommandSpec<K, R>, 'actor' | 'idempotencyKey'>,
  ): Promise<CommandResponse<R>> {
    return this.queue.run(spec.meetingId, () =>
      this.run({ ...spec, actor: SYSTEM_ACTOR, idempotencyKey: null }, spec.meetingId, async (manager) => {
        const entity = await manager
          .getRepository(MeetingEntity)
          .findOne({ where: { id: spec.meetingId }, lock: { mode: 'pessimistic_write' } });
        if (!entity) throw new AppException('MEETING_NOT_FOUND');
        return {
          meeting: toMeeting(entity),
          lastHash: entity.lastHash,
          actor: { userId: SYSTEM_ACTOR.id, systemRole: 'admin', meetingRole: null },
          receipt: null,
        };
      }),
    );
  }

  /** Creates a meeting: its first event (seq 1) is `meeting.created`. */
  create<R>(spec: CreateSpec<R>): Promise<CommandResponse<R>> {
    return this.run<'meeting.created', R>(
      {
        ...spec,
        handle: (ctx) => spec.handle({ ...ctx, actor: spec.actor }),
      },
      // The new meeting's id is made per attempt; a retried create must hash the same without it.
      '',
      async () => null,
    );
  }

  private async run<K extends MeetingEventType, R>(
    spec: CommandSpec<K, R>,
    hashScope: string,
    openMeeting: (manager: EntityManager) => Promise<OpenedMeeting | null>,
  ): Promise<CommandResponse<R>> {
    const tasks: (() => unknown)[] = [];
    let response: CommandResponse<R>;
    try {
      response = await this.dataSource.transaction(async (manager) =>
        this.apply(spec, hashScope, await openMeeting(manager), manager, tasks),
      );
    } catch (err) {
      return this.afterFailure(spec, hashScope, err);
    }
    await this.runTasks(spec.command, tasks);
    return response;
  }

  /**
   * Several commands of one meeting that queued on this node, in one transaction (group commit),
   * with as few round trips as the handlers allow:
   * - one statement opens them all: it locks the meeting and reads, for each command, who acts and
   *   its receipt (MeetingAccessService.openMany);
   * - each command is then checked and handled in turn with its own seq — exactly as alone;
   * - one statement appends all their events, the meeting's head and their receipts
   *   (MeetingEventsRepository.appendBatch), and COMMIT.
   * What a command changes that the opening statement read — the meeting row (`meeting.*` events)
   * or who takes part in what role (`participant.*`) — is read again for the commands after it.
   * A handler that reads the log itself (`readsLog`) first gets the events applied before it
   * written. After the commit each one's broadcast and tasks run in seq order. If any of them fails,
   * none is written: the batch is rolled back and each runs again alone, so each gets its own
   * answer or error.
   */
  private async runBatch(specs: AnySpec[]): Promise<Settled<CommandResponse<unknown>>[]> {
    if (specs.length === 1) return [await settle(this.runAlone(specs[0]))];
    const done: { response: CommandResponse<unknown>; tasks: (() => unknown)[] }[] = [];
    let appended = false;
    try {
      await this.dataSource.transaction(async (manager) => {
        const log = new BatchLog(this.events, manager);
        let opened = await this.openBatch(specs, manager);
        for (const [i, spec] of specs.entries()) {
          const open = opened[i];
          if (open instanceof AppException) throw open;
          if (spec.readsLog) await log.write();
          const tasks: (() => unknown)[] = [];
          const response = await this.apply(spec, spec.meetingId, log.head(open), manager, tasks, log.sink);
          done.push({ response, tasks });
          if (REOPENS.test(response.event.type) && i + 1 < specs.length)
            opened = [...opened.slice(0, i + 1), ...(await this.openBatch(specs.slice(i + 1), manager))];
        }
        await log.write();
        appended = true;
      });
    } catch (err) {
      // Every command was applied and written, and the COMMIT itself failed (its outcome may be
      // unknown): running them again could act twice, so each is answered as a failed command
      // alone would be. Otherwise one of them failed (or the batch's append): each runs again alone.
      const outcomes: Settled<CommandResponse<unknown>>[] = [];
      for (const spec of specs) {
        outcomes.push(
          await settle(appended ? this.afterFailure(spec, spec.meetingId, err) : this.runAlone(spec)),
        );
      }
      return outcomes;
    }
    const outcomes: Settled<CommandResponse<unknown>>[] = [];
    for (const [i, spec] of specs.entries()) {
      await this.runTasks(spec.command, done[i].tasks);
      outcomes.push({ ok: true, value: done[i].response });
    }
    return outcomes;
  }

  /** Opens the meeting for these commands (in order), in one statement under the meeting's lock. */
  private openBatch(specs: AnySpec[], manager: EntityManager) {
    return this.access.openMany(
      specs[0].meetingId,
      specs.map((spec) => ({ user: spec.actor, command: spec.command, receiptKey: spec.idempotencyKey })),
      { manager, lock: true },
    );
  }

  /** One command's work inside its transaction, once its meeting is open (locked). */
  private async apply<K extends MeetingEventType, R>(
    spec: CommandSpec<K, R>,
    hashScope: string,
    opened: OpenedMeeting | null,
    manager: EntityManager,
    tasks: (() => unknown)[],
    append: AppendSink = (row, receipt) => this.events.append(manager, row, receipt),
  ): Promise<CommandResponse<R>> {
    const requestHash = hashRequest(spec.command, hashScope, spec.request);
    // A retry answers with the stored result instead of acting twice. The receipt is read by the
    // same statement that takes the meeting's lock (one round trip less per command). A duplicate
    // that committed while this one waited for the lock is not in that statement's snapshot; it
    // is caught in afterFailure: this one's receipt insert (or a rule its effects broke) fails,
    // and the stored receipt is read again after the rollback.
    if (opened?.receipt) return this.storedAnswer<R>(spec, requestHash, opened.receipt);
    if (!opened && spec.idempotencyKey) {
      const replay = await this.replay<R>(spec, requestHash, manager);
      if (replay) return replay;
    }
    const seq = (opened?.meeting.lastSeq ?? 0) + 1;
    const prevHash = opened?.lastHash ?? GENESIS_HASH;
    const at = new Date();
    const ctx: CommandContext = {
      manager,
      meeting: opened?.meeting as Meeting,
      actor: opened?.actor ?? {
        userId: spec.actor.id,
        systemRole: spec.actor.systemRole,
        meetingRole: null,
      },
      seq,
      at,
      afterCommit: (task) => tasks.push(task),
    };
    const outcome = await spec.handle(ctx);
    const row = {
      meetingId: spec.meetingId,
      seq,
      type: outcome.type,
      payload: outcome.payload,
      actorId: spec.actor === SYSTEM_ACTOR ? null : spec.actor.id,
      at: at.toISOString(),
    };
    const hash = hashEvent(prevHash, row);
    const result: CommandResponse<R> = {
      event: toMeetingEvent({ ...row, prevHash, hash }),
      result: outcome.result,
    };
    const receipt = spec.idempotencyKey
      ? { idempotencyKey: spec.idempotencyKey, command: spec.command, requestHash, response: result }
      : null;
    await append({ ...row, prevHash, hash }, receipt);
    tasks.unshift(() => this.realtime.fanOut(rooms.meeting(spec.meetingId), 'meeting.event', result.event));
    return result;
  }

  /** A failed command: a concurrent duplicate's stored answer if there is one, else its own error. */
  private async afterFailure<R>(
    spec: CommandSpec<MeetingEventType, R>,
    hashScope: string,
    err: unknown,
  ): Promise<CommandResponse<R>> {
    if (spec.idempotencyKey && !(err instanceof AppException && err.code === 'IDEMPOTENCY_KEY_REUSED')) {
      // A concurrent duplicate committed first (it took the lock first, or it was a create):
      // its answer is this command's answer, whatever this attempt tripped on.
      // (A receipt stored for another request answers IDEMPOTENCY_KEY_REUSED; if the receipt
      // cannot be read at all, the command's own error stands.)
      const requestHash = hashRequest(spec.command, hashScope, spec.request);
      const replay = await this.replay<R>(spec, requestHash).catch((e: unknown) => {
        if (e instanceof AppException) throw e;
        return null;
      });
      if (replay) return replay;
    }
    this.access.noteIfRefusal(err, spec.actor.id, spec.meetingId, spec.command);
    throw err;
  }

  /** After commit: the broadcast first, then the handler's tasks; a failure there is logged, not answered. */
  private async runTasks(command: string, tasks: (() => unknown)[]): Promise<void> {
    for (const task of tasks) {
      try {
        await task();
      } catch (err) {
        // The command is committed; a failed side effect must not turn its answer into an error.
        this.logger.error(`after-commit task of ${command} failed: ${(err as Error).message}`);
      }
    }
  }

  /** The stored answer for this key, or null when the key is new; IDEMPOTENCY_KEY_REUSED on mismatch. */
  private async replay<R>(
    spec: { actor: AuthUser; idempotencyKey: string | null; command: string; meetingId: string },
    requestHash: string,
    manager?: EntityManager,
  ): Promise<CommandResponse<R> | null> {
    const rows: { request_hash: string; response: CommandResponse<R> }[] = await (
      manager ?? this.dataSource.manager
    ).query(
      'SELECT request_hash, response FROM command_receipts WHERE actor_id = $1 AND idempotency_key = $2',
      [spec.actor.id, spec.idempotencyKey],
    );
    if (rows.length === 0) return null;
    return this.storedAnswer(spec, requestHash, {
      requestHash: rows[0].request_hash,
      response: rows[0].response,
    });
  }

  /** A stored receipt's answer, if it was stored for the same request (IDEMPOTENCY_KEY_REUSED if not). */
  private storedAnswer<R>(
    spec: { actor: AuthUser; command: string; meetingId: string },
    requestHash: string,
    receipt: { requestHash: string; response: unknown },
  ): CommandResponse<R> {
    if (receipt.requestHash !== requestHash) {
      this.logger.warn(
        `idempotency key reused: user=${spec.actor.id} meeting=${spec.meetingId} command=${spec.command}`,
      );
      throw new AppException('IDEMPOTENCY_KEY_REUSED');
    }
    return receipt.response as CommandResponse<R>;
  }
}
