import { Inject, Injectable, OnModuleDestroy, Optional } from '@nestjs/common';
import type { ServerToClientEvents } from '@phonghop/common';
import { APP_CONFIG, AppConfig } from '../../config/env';
import { RoomUsers } from './room-users';
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

/**
 * How long a big room's meeting events are held after its last message started (FANOUT_WINDOW_MS),
 * so that they go out together: a leading-edge throttle, like Nagle's. Writing a message to 1,000
 * sockets costs ~1,000 socket writes whatever it carries, so a room gets at most one message per
 * window (50 a second at 20 ms) however fast its meeting runs; the writes per socket stop growing
 * with the event rate. An event for a room that had no message within the window goes out at once:
 * a slow meeting sees no added wait, a fast one at most the window (a fifth of the bench's 100 ms).
 */
const DEFAULT_FANOUT_WINDOW_MS = 20;

/**
 * Rooms with fewer of this node's sockets are neither held nor grouped: their messages cost few
 * writes, and their clients keep getting one `meeting.event` per event, as they always did.
 */
export const FANOUT_GROUP_MIN_SOCKETS = 100;

/**
 * Sockets per emit call, at most (the event is encoded once per call) and at least: each chunk is
 * sized to what is left of the turn's budget at the measured cost of one socket's write. That cost
 * is not fixed: a write wakes the reading process, and where clients share the server's cores (a
 * bench, a busy host) one write took 0.1–0.4 ms, so 50 of them held the loop for 5–20 ms however
 * small the budget (docs/benchmarks.md, "Issue 11, sixth pass").
 */
export const FANOUT_CHUNK = 50;
export const FANOUT_MIN_CHUNK = 5;

/** The next chunk: what fits in the rest of the turn's budget, within the bounds above. */
export function fanOutChunkSize(remainingMs: number, msPerSocket: number): number {
  const fits = Math.floor(remainingMs / msPerSocket);
  return Math.min(FANOUT_CHUNK, Math.max(FANOUT_MIN_CHUNK, fits));
}

/** At most this many events go out as one `meeting.events` message; a full group goes at once. */
export const FANOUT_MAX_BATCH = 100;

interface FanOutJob {
  room: string;
  /**
   * Who gets it: the room's sockets on this node when each of its events was given. A socket
   * removed from the room before the job's turn (a participant removed: the broadcast is given
   * just before the eviction) still gets what was given while it was in.
   */
  to: Set<string>;
  /** `to`, taken when the job's turn comes (written a chunk at a time). */
  socketIds: string[] | null;
  next: number;
  event: string;
  args: unknown[];
  /** A group of meeting events (big rooms): still open to more until its turn comes. */
  events: unknown[] | null;
  /** In fanOutJobs (false: held until the room's window has passed). */
  queued: boolean;
}

/** A big room's grouping, kept while its window runs or a group of it waits. */
interface RoomWindow {
  /** The room's meeting events not yet being written: later ones join it. */
  open: FanOutJob | null;
  /** Runs for FANOUT_WINDOW_MS after the room's last group started to be written. */
  timer: NodeJS.Timeout | null;
}

/**
 * The one way services reach sockets. With the Redis adapter these calls reach the sockets on
 * every API node.
 */
@Injectable()
export class RealtimeService implements OnModuleDestroy {
  private server?: AppServer;
  private readonly authorityListeners: ((userId: string) => Promise<void>)[] = [];

  private readonly fanOutJobs: FanOutJob[] = [];
  /** The users in this node's meeting rooms, counted as sockets join and leave. */
  private readonly roomUsers = new RoomUsers('meeting:');
  /** The big rooms whose window runs or whose group waits (RoomWindow). */
  private readonly windows = new Map<string, RoomWindow>();
  /** Several API nodes share the rooms through the Redis adapter. */
  private readonly clustered: boolean;

  /** Without a config (the seed, which attaches no server): a single node. */
  private readonly fanOutBudgetMs: number;
  /** What writing a message to one socket has lately cost this node (ms, a moving average). */
  private writeMsPerSocket = 0.02;
  private readonly fanOutWindowMs: number;

  constructor(@Optional() @Inject(APP_CONFIG) config?: AppConfig) {
    this.clustered = Boolean(config?.REDIS_URL);
    this.fanOutBudgetMs = config?.FANOUT_BUDGET_MS ?? DEFAULT_FANOUT_BUDGET_MS;
    this.fanOutWindowMs = config?.FANOUT_WINDOW_MS ?? DEFAULT_FANOUT_WINDOW_MS;
  }

  /**
   * Set when the app shuts down (module destroy hooks run before the socket adapter closes its Redis
   * clients): a broadcast given after it — a presence update still in flight — is dropped. Given to a
   * closed Redis client it would be an unhandled rejection inside the adapter.
   */
  private closing = false;

  onModuleDestroy(): void {
    this.closing = true;
  }

  attach(server: AppServer): void {
    this.server = server;
    this.roomUsers.attach(server);
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

  /** The user ids of this node's sockets in a meeting room (room displays are nobody), each once. */
  localMembers(room: string): string[] {
    return this.roomUsers.users(room);
  }

  /** How many users have a socket of this node in a meeting room (localMembers' length, without the list). */
  localMemberCount(room: string): number {
    return this.roomUsers.count(room);
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
    if (!this.server || this.closing) return;
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
   * Like emitToRoom, for events of big rooms (meeting events, presence, poll progress): each node
   * writes to its own sockets for at most FANOUT_BUDGET_MS per turn of the event loop, so the
   * commands that run meanwhile are not held up. Messages leave each node in the order they were
   * given (one queue), to the sockets that were in the room when they were given. With Redis, the
   * other nodes are told once and do the same with theirs.
   *
   * A big room's meeting events are grouped (FANOUT_WINDOW_MS, FANOUT_GROUP_MIN_SOCKETS): an event
   * joins the room's group that is not being written yet, if there is one; else it starts a group,
   * which is written at once if the room's last group started at least a window ago and otherwise
   * waits until the window has passed. A group of one goes out as `meeting.event`, a larger one as
   * one `meeting.events` message. Any other message for the room first sends the waiting group, so
   * a room's messages keep their order.
   */
  fanOut<E extends keyof ServerToClientEvents>(
    room: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void {
    if (!this.server || this.closing) return;
    if (this.clustered) this.server.serverSideEmit('realtime.fanOut', room, event, args);
    this.fanOutHere(room, event, args);
  }

  private fanOutHere(room: string, event: string, args: unknown[]): void {
    const roomWindow = this.windows.get(room);
    if (
      event === 'meeting.event' &&
      (roomWindow || this.localSocketCount(room) >= FANOUT_GROUP_MIN_SOCKETS)
    ) {
      this.groupMeetingEvent(room, roomWindow, args[0]);
      return;
    }
    if (roomWindow?.open) {
      // The room's waiting group goes first (order), and later events start a new one behind this.
      if (!roomWindow.open.queued) this.enqueue(roomWindow.open);
      roomWindow.open = null;
    }
    const to = new Set(this.members(room));
    this.enqueue({ room, to, socketIds: null, next: 0, event, args, events: null, queued: false });
  }

  private groupMeetingEvent(room: string, roomWindow: RoomWindow | undefined, event: unknown): void {
    if (!roomWindow) {
      roomWindow = { open: null, timer: null };
      this.windows.set(room, roomWindow);
    }
    if (roomWindow.open && roomWindow.open.events!.length < FANOUT_MAX_BATCH) {
      roomWindow.open.events!.push(event);
      for (const id of this.members(room)) roomWindow.open.to.add(id);
      return;
    }
    if (roomWindow.open && !roomWindow.open.queued) this.enqueue(roomWindow.open); // full: it goes now
    const job: FanOutJob = {
      room,
      to: new Set(this.members(room)),
      socketIds: null,
      next: 0,
      event: '',
      args: [],
      events: [event],
      queued: false,
    };
    roomWindow.open = job;
    // No window running: the room is idle, the event goes at once. Else it waits for windowEnded.
    if (!roomWindow.timer) this.enqueue(job);
  }

  /** The room's window has passed: its waiting group goes now, or the room is idle again. */
  private windowEnded(room: string): void {
    const roomWindow = this.windows.get(room);
    if (!roomWindow) return;
    roomWindow.timer = null;
    if (!roomWindow.open) this.windows.delete(room);
    else if (!roomWindow.open.queued) this.enqueue(roomWindow.open);
  }

  /**
   * The pump starts on the next tick, not at once: the events fanned out in one synchronous run
   * (the broadcasts of one group commit, after its COMMIT) are then all in the room's group
   * before it is written, and leave as one message.
   */
  private enqueue(job: FanOutJob): void {
    job.queued = true;
    this.fanOutJobs.push(job);
    if (this.fanOutJobs.length === 1) process.nextTick(this.pump);
  }

  /** This node's sockets in the room now. */
  private members(room: string): Iterable<string> {
    return this.io.of('/').adapter.rooms.get(room) ?? [];
  }

  /**
   * Writes the oldest jobs for up to the budget (at least one chunk), then yields to I/O before
   * going on. Each chunk is as big as the rest of the budget allows at the recent cost per socket.
   */
  private readonly pump = (): void => {
    const server = this.server;
    if (!server) return;
    const deadline = performance.now() + this.fanOutBudgetMs;
    do {
      const job = this.fanOutJobs[0];
      if (!job.socketIds) {
        if (job.events) this.startGroup(job);
        job.socketIds = [...job.to];
      }
      const started = performance.now();
      const size = fanOutChunkSize(deadline - started, this.writeMsPerSocket);
      const chunk = job.socketIds.slice(job.next, job.next + size);
      job.next += size;
      if (chunk.length > 0) {
        (server.local.to(chunk).emit as (event: string, ...args: unknown[]) => boolean)(
          job.event,
          ...job.args,
        );
        const perSocket = (performance.now() - started) / chunk.length;
        this.writeMsPerSocket = 0.8 * this.writeMsPerSocket + 0.2 * Math.max(perSocket, 0.001);
      }
      if (job.next >= job.socketIds.length) this.fanOutJobs.shift();
    } while (this.fanOutJobs.length > 0 && performance.now() < deadline);
    if (this.fanOutJobs.length > 0) setImmediate(this.pump);
  };

  /**
   * A group's turn has come: it takes no more events, becomes its message, and the room's window
   * starts (events from now on wait for it to pass).
   */
  private startGroup(job: FanOutJob): void {
    const events = job.events!;
    job.event = events.length === 1 ? 'meeting.event' : 'meeting.events';
    job.args = events.length === 1 ? [events[0]] : [events];
    // (A group sent early by another message may find its room's window already gone.)
    let roomWindow = this.windows.get(job.room);
    if (!roomWindow) {
      roomWindow = { open: null, timer: null };
      this.windows.set(job.room, roomWindow);
    }
    if (roomWindow.open === job) roomWindow.open = null;
    if (this.fanOutWindowMs === 0) {
      if (!roomWindow.open) this.windows.delete(job.room);
      return;
    }
    if (roomWindow.timer) clearTimeout(roomWindow.timer);
    roomWindow.timer = setTimeout(() => this.windowEnded(job.room), this.fanOutWindowMs);
    roomWindow.timer.unref();
  }

  emitToRoom<E extends keyof ServerToClientEvents>(
    room: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void {
    if (this.closing) return;
    this.server?.to(room).emit(event, ...args);
  }
}
