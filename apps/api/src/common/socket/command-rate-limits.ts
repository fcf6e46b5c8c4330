import {
  BurstyRateLimiter,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import type { AppConfig } from '../../config/env';

/** Reads (join, leave, ping, renew) and writes (commands that change a meeting) are limited apart. */
export type CommandClass = 'read' | 'write';

interface Limiter {
  consume(key: string): Promise<RateLimiterRes>;
}

/** A user's sockets together get this many times one socket's allowance. */
const USER_FACTOR = 2;
/** The burst allowance: on top of the steady rate, this many seconds' worth within BURST_WINDOW_S. */
const BURST_SECONDS = 2;
const BURST_WINDOW_S = 10;

/**
 * Per-socket and per-user command limits, one per command class: a steady rate per second with a
 * burst allowance (rate-limiter-flexible's BurstyRateLimiter, its token-bucket approximation).
 * A chair's normal pace — a command every few seconds, a quick run of reorders — never meets them;
 * a script firing at full speed does within a fraction of a second. With REDIS_URL the counters
 * live in Redis, so every node enforces the same per-user limit.
 */
export class CommandRateLimits {
  private readonly limiters: Record<CommandClass, { socket: Limiter; user: Limiter }>;

  constructor(config: AppConfig, redis?: unknown) {
    const make = (prefix: string, perSecond: number): Limiter => {
      const store = (keyPrefix: string, points: number, duration: number): Limiter =>
        redis
          ? new RateLimiterRedis({ storeClient: redis, useRedisPackage: true, keyPrefix, points, duration })
          : new RateLimiterMemory({ keyPrefix, points, duration });
      // The stores are typed as the abstract limiter they are; BurstyRateLimiter asks for that.
      type Store = ConstructorParameters<typeof BurstyRateLimiter>[0];
      return new BurstyRateLimiter(
        store(`${prefix}_rate`, perSecond, 1) as Store,
        store(`${prefix}_burst`, perSecond * BURST_SECONDS, BURST_WINDOW_S) as Store,
      );
    };
    this.limiters = {
      read: {
        socket: make('sock_read', config.SOCKET_READ_PER_SECOND),
        user: make('user_read', config.SOCKET_READ_PER_SECOND * USER_FACTOR),
      },
      write: {
        socket: make('sock_write', config.SOCKET_WRITE_PER_SECOND),
        user: make('user_write', config.SOCKET_WRITE_PER_SECOND * USER_FACTOR),
      },
    };
  }

  /** Takes one command from the socket's and the user's allowance; null when allowed, else the ms to wait. */
  async consume(kind: CommandClass, socketId: string, userId: string): Promise<number | null> {
    const { socket, user } = this.limiters[kind];
    try {
      await socket.consume(socketId);
      await user.consume(userId);
      return null;
    } catch (rejection) {
      // The limiters reject with a RateLimiterRes when the points are used up; anything else (Redis
      // down) is an error of ours, raised to the caller.
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return Math.max(1, Math.ceil(rejection.msBeforeNext));
    }
  }
}
