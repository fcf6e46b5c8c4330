import { Inject, Injectable, Optional } from '@nestjs/common';
import type { ServerToClientEvents } from '@phonghop/common';
import { APP_CONFIG, AppConfig } from '../../config/env';
import { AppServer, rooms } from './realtime.types';

/**
 * Sockets written per turn of the event loop when an event is fanned out to a big room. Writing
 * to 1,000 sockets takes ~10 ms of one thread; done in one go it holds up the database answers
 * of the next command of the meeting (which holds the meeting's lock meanwhile), so the room's
 * command rate fell with its size. In slices, the replies are read between two slices.
 */
export const FANOUT_SLICE = 100;

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
  constructor(@Optional() @Inject(APP_CONFIG) config?: AppConfig) {
    this.clustered = Boolean(config?.REDIS_URL);
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
   * own sockets in slices of FANOUT_SLICE, one slice per turn of the event loop, so the commands
   * that run meanwhile are not held up. Events leave each node in the order they were given (one
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

  /** Writes one slice of the oldest job, then yields to I/O before the next. */
  private readonly pump = (): void => {
    const job = this.fanOutJobs[0];
    if (!job || !this.server) return;
    job.socketIds ??= [...(this.server.of('/').adapter.rooms.get(job.room) ?? [])];
    const slice = job.socketIds.slice(job.next, job.next + FANOUT_SLICE);
    job.next += FANOUT_SLICE;
    if (slice.length > 0) {
      (this.server.local.to(slice).emit as (event: string, ...args: unknown[]) => boolean)(
        job.event,
        ...job.args,
      );
    }
    if (job.next >= job.socketIds.length) this.fanOutJobs.shift();
    if (this.fanOutJobs.length > 0) setImmediate(this.pump);
  };

  emitToRoom<E extends keyof ServerToClientEvents>(
    room: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void {
    this.server?.to(room).emit(event, ...args);
  }
}
