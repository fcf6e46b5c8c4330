import { Inject, Injectable, Optional } from '@nestjs/common';
import type { ServerToClientEvents } from '@phonghop/common';
import { APP_CONFIG, AppConfig } from '../../config/env';
import { AppServer, rooms } from './realtime.types';

/**
 * How long a fan-out may hold the event loop before it yields to I/O (FANOUT_BUDGET_MS). Writing
 * one event to 1,000 sockets takes ~10 ms of one thread; done in one go it holds up the database
 * answers of the next command of the meeting (which holds the meeting's lock meanwhile), so the
 * room's command rate fell with its size. Fixed slices of sockets were tried first: small ones made
 * the fan-out itself fall behind (a yield per few sockets), big ones held the loop too long; a time
 * budget gives both.
 */
const DEFAULT_FANOUT_BUDGET_MS = 2;

/** Sockets per emit call: the event is encoded once per call. */
export const FANOUT_CHUNK = 50;

/** At most this many queued events go out as one `meeting.events` message. */
export const FANOUT_MAX_BATCH = 100;

interface FanOutJob {
  room: string;
  /** The room's sockets on this node, taken when the job's turn comes. */
  socketIds: string[] | null;
  next: number;
  event: string;
  args: unknown[];
}

/**
 * The one way services reach sockets. With the Redis adapter these calls reach the sockets on
 * every API node.
 */
@Injectable()
export class RealtimeService {
  private server?: AppServer;
  private readonly authorityListeners: ((userId: string) => Promise<void>)[] = [];

  private readonly fanOutJobs: FanOutJob[] = [];
  /** Several API nodes share the rooms through the Redis adapter. */
  private readonly clustered: boolean;

  /** Without a config (the seed, which attaches no server): a single node. */
  private readonly fanOutBudgetMs: number;

  constructor(@Optional() @Inject(APP_CONFIG) config?: AppConfig) {
    this.clustered = Boolean(config?.REDIS_URL);
    this.fanOutBudgetMs = config?.FANOUT_BUDGET_MS ?? DEFAULT_FANOUT_BUDGET_MS;
  }

  attach(server: AppServer): void {
    this.server = server;
    if (this.clustered) {
      server.on('realtime.fanOut', (room, event, args) => this.fanOutHere(room, event, args));
    }
  }

  get io(): AppServer {
    if (!this.server) throw new Error('socket.io server not ready');
    return this.server;
  }

  /** Whether several API nodes share the rooms (Redis adapter). */
  get isClustered(): boolean {
    return this.clustered;
  }

  /** The user ids of this node's sockets in a room (room displays are nobody), each once. */
  localMembers(room: string): string[] {
    const ns = this.io.of('/');
    const users = new Set<string>();
    for (const id of ns.adapter.rooms.get(room) ?? []) {
      const socket = ns.sockets.get(id);
      if (socket && !socket.data.display) users.add(socket.data.user.id);
    }
    return [...users];
  }

  /** How many of this node's sockets are in a room. */
  localSocketCount(room: string): number {
    return this.io.of('/').adapter.rooms.get(room)?.size ?? 0;
  }

  /**
   * The user ids of every node's sockets in a room (fetchSockets through the Redis adapter, which
   * every node of any version answers). It carries each socket's handshake and rooms, so callers
   * share one read among many (MeetingPresenceService.online).
   */
  async clusterMembers(room: string): Promise<string[]> {
    const sockets = await this.io.in(room).fetchSockets();
    return sockets.filter((s) => !s.data.display).map((s) => s.data.user.id);
  }

  /** Tells every socket of the user that its session ended, then closes them. */
  disconnectUser(userId: string, reason: 'disabled' | 'logout' | 'password_reset'): void {
    if (!this.server) return;
    this.server.to(rooms.user(userId)).emit('session.revoked', { reason });
    this.server.in(rooms.user(userId)).disconnectSockets(true);
  }

  /**
   * A user's system role changed (or anything else that decides what they may see): listeners
   * (the meeting rooms) re-check the rooms that user's open sockets are in, on every node. Commands
   * need no such call — each reads the current roles in its own transaction.
   */
  authorityChanged(userId: string): void {
    for (const listener of this.authorityListeners) {
      listener(userId).catch(() => undefined);
    }
  }

  onAuthorityChanged(listener: (userId: string) => Promise<void>): void {
    this.authorityListeners.push(listener);
  }

  /**
   * Like emitToRoom, for events of big rooms (meeting events, presence): each node writes to its
   * own sockets for at most FANOUT_BUDGET_MS per turn of the event loop, so the commands that run
   * meanwhile are not held up. Events leave each node in the order they were given (one
   * queue); the room's members are taken when the event's turn comes. With Redis, the other nodes
   * are told once and do the same with theirs.
   */
  fanOut<E extends keyof ServerToClientEvents>(
    room: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void {
    if (!this.server) return;
    if (this.clustered) this.server.serverSideEmit('realtime.fanOut', room, event, args);
    this.fanOutHere(room, event, args);
  }

  private fanOutHere(room: string, event: string, args: unknown[]): void {
    this.fanOutJobs.push({ room, socketIds: null, next: 0, event, args });
    if (this.fanOutJobs.length === 1) this.pump();
  }

  /** Writes the oldest jobs for up to the budget (at least one chunk), then yields to I/O before going on. */
  private readonly pump = (): void => {
    const server = this.server;
    if (!server) return;
    const deadline = performance.now() + this.fanOutBudgetMs;
    do {
      const job = this.fanOutJobs[0];
      if (!job.socketIds) {
        this.batchQueuedEvents(job);
        job.socketIds = [...(server.of('/').adapter.rooms.get(job.room) ?? [])];
      }
      const chunk = job.socketIds.slice(job.next, job.next + FANOUT_CHUNK);
      job.next += FANOUT_CHUNK;
      if (chunk.length > 0) {
        (server.local.to(chunk).emit as (event: string, ...args: unknown[]) => boolean)(
          job.event,
          ...job.args,
        );
      }
      if (job.next >= job.socketIds.length) this.fanOutJobs.shift();
    } while (this.fanOutJobs.length > 0 && performance.now() < deadline);
    if (this.fanOutJobs.length > 0) setImmediate(this.pump);
  };

  /**
   * A meeting event about to go out takes the events of the same room queued right behind it
   * (they came while this node was still writing an earlier one): one `meeting.events` message
   * per socket instead of one message per event. That is what keeps a big room's fan-out from
   * falling behind a fast meeting — the writes per socket no longer grow with the event rate —
   * and it adds no wait: only events already queued are taken, in their order.
   */
  private batchQueuedEvents(job: FanOutJob): void {
    if (job.event !== 'meeting.event') return;
    let end = 1;
    while (
      end < this.fanOutJobs.length &&
      end <= FANOUT_MAX_BATCH - 1 &&
      this.fanOutJobs[end].room === job.room &&
      this.fanOutJobs[end].event === 'meeting.event'
    ) {
      end++;
    }
    if (end === 1) return;
    const batch = this.fanOutJobs.splice(1, end - 1);
    job.event = 'meeting.events';
    job.args = [[job.args[0], ...batch.map((b) => b.args[0])]];
  }

  emitToRoom<E extends keyof ServerToClientEvents>(
    room: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void {
    this.server?.to(room).emit(event, ...args);
  }
}
