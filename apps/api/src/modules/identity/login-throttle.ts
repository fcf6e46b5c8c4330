import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppException } from '../../common/errors/app-exception';
import { APP_CONFIG, AppConfig } from '../../config/env';

/** TOO_MANY_ATTEMPTS, with the seconds until the next attempt is allowed (sent as Retry-After). */
export class TooManyAttemptsException extends AppException {
  constructor(readonly retryAfterSeconds: number) {
    super('TOO_MANY_ATTEMPTS');
  }
}

/**
 * Limits failed sign-ins per username and per IP within LOGIN_WINDOW_SECONDS (in memory, per API
 * node). Each attempt reserves a point before the password is checked, so parallel guesses cannot
 * slip past the limit while argon2 runs; a successful sign-in gives its points back.
 */
@Injectable()
export class LoginThrottle {
  private readonly byUser: RateLimiterMemory;
  private readonly byIp: RateLimiterMemory;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.byUser = new RateLimiterMemory({
      keyPrefix: 'login_user',
      points: config.LOGIN_MAX_FAILURES_PER_USER,
      duration: config.LOGIN_WINDOW_SECONDS,
    });
    this.byIp = new RateLimiterMemory({
      keyPrefix: 'login_ip',
      points: config.LOGIN_MAX_FAILURES_PER_IP,
      duration: config.LOGIN_WINDOW_SECONDS,
    });
  }

  /** Reserves one attempt for the username and the IP; throws TOO_MANY_ATTEMPTS when either is used up. */
  async reserve(username: string, ip: string): Promise<void> {
    try {
      await this.byIp.consume(ip);
    } catch (res) {
      throw tooMany(res);
    }
    try {
      await this.byUser.consume(username);
    } catch (res) {
      await this.byIp.reward(ip, 1);
      throw tooMany(res);
    }
  }

  /** A successful sign-in: its IP point is given back and the username's failures are forgotten. */
  async succeeded(username: string, ip: string): Promise<void> {
    await Promise.all([this.byUser.delete(username), this.byIp.reward(ip, 1)]);
  }
}

function tooMany(rejection: unknown): AppException {
  // The memory limiter rejects with a RateLimiterRes when the points are used up; anything else is a bug.
  if (!(rejection instanceof RateLimiterRes)) throw rejection;
  return new TooManyAttemptsException(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
}
