import { Injectable } from '@nestjs/common';
import type { ServerToClientEvents } from '@phonghop/common';
import { AppServer, rooms } from './realtime.types';

/**
 * The one way services reach sockets. With the Redis adapter these calls reach the sockets on
 * every API node.
 */
@Injectable()
export class RealtimeService {
  private server?: AppServer;
  private readonly authorityListeners: ((userId: string) => Promise<void>)[] = [];

  attach(server: AppServer): void {
    this.server = server;
  }

  get io(): AppServer {
    if (!this.server) throw new Error('socket.io server not ready');
    return this.server;
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

  emitToRoom<E extends keyof ServerToClientEvents>(
    room: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void {
    this.server?.to(room).emit(event, ...args);
  }
}
