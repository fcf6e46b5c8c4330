import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import {
  IRateLimiterOptions,
  RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
} from 'rate-limiter-flexible';
import { createClient } from 'redis';
import { AppException } from '../../common/errors/app-exception';
import { APP_CONFIG, AppConfig } from '../../config/env';

/** TOO_MANY_ATTEMPTS, with the seconds until the next attempt is allowed (sent as Retry-After). */
export class TooManyAttemptsException extends AppException {
  constructor(readonly retryAfterSeconds: number) {
    super('TOO_MANY_ATTEMPTS');
  }
}

/** Who is trying to sign in, from where, and (when its signed cookie was shown) from which known device. */
export interface LoginAttemptKey {
  username: string;
  ip: string;
  /** The id of a valid device cookie of this user; null for a device that never signed in as them. */
  deviceId: string | null;
}

/** One attempt in progress: it must end as a success or a failure (either frees its in-flight slot). */
export interface LoginAttempt {
  readonly trustedDevice: boolean;
  failed(): Promise<void>;
  succeeded(): Promise<void>;
  /** The check could not be made (an error of ours): frees the slot, counts nothing. */
  abandoned(): Promise<void>;
}

type Limiter = RateLimiterAbstract;

/** An in-flight slot expires by itself after this long, should a node die between check and result. */
const IN_FLIGHT_SECONDS = 60;
/** The wait after the last free failure of a pair; it doubles with every further failure. */
export const FIRST_DELAY_SECONDS = 5;
/** Large enough never to refuse: these limiters only count, the rules below decide. */
const COUNT_ONLY = 1_000_000;

/**
 * Sign-in limits after the OWASP authentication guidance, shared by every API node (Redis when
 * REDIS_URL is set, memory otherwise):
 *
 * - per (username, IP) pair: LOGIN_MAX_FAILURES_PER_USER free failures, then a delay that doubles
 *   with each further failure (5 s, 10 s, 20 s … up to LOGIN_WINDOW_SECONDS). The real person at
 *   another address is never affected — no stranger can lock an account;
 * - per IP: a ceiling of LOGIN_MAX_FAILURES_PER_IP failures in the window across all usernames,
 *   so one address cannot sweep the directory;
 * - a device that signed in as this user before (its signed device cookie) skips both: the real
 *   person gets in from their own tablet even while someone hammers their name from the same office
 *   network. The device's own failures are counted, and a device with too many stops being trusted.
 *
 * Only failures are counted, and a success clears only its own pair: it never gives points back
 * to the IP or touches another username. While the password is checked (argon2 takes a while) the
 * attempt holds an in-flight slot that counts like a failure, so parallel guesses cannot slip past.
 */
@Injectable()
export class LoginThrottle implements OnModuleInit, OnApplicationShutdown {
  private ipFailures!: Limiter;
  private pairFailures!: Limiter;
  private pairDelay!: Limiter;
  private deviceFailures!: Limiter;
  private inFlight!: Limiter;
  private redis?: ReturnType<typeof createClient>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    if (this.config.REDIS_URL) {
      this.redis = createClient({ url: this.config.REDIS_URL });
      // Errors surface on each call (and the memory insurance takes over); do not crash on them here.
      this.redis.on('error', () => undefined);
      await this.redis.connect();
    }
    const window = this.config.LOGIN_WINDOW_SECONDS;
    this.ipFailures = this.limiter({ keyPrefix: 'login_ip', points: COUNT_ONLY, duration: window });
    this.pairFailures = this.limiter({ keyPrefix: 'login_pair', points: COUNT_ONLY, duration: window });
    this.pairDelay = this.limiter({ keyPrefix: 'login_pair_delay', points: 1, duration: window });
    this.deviceFailures = this.limiter({ keyPrefix: 'login_device', points: COUNT_ONLY, duration: window });
    this.inFlight = this.limiter({
      keyPrefix: 'login_inflight',
      points: COUNT_ONLY,
      duration: IN_FLIGHT_SECONDS,
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }

  private limiter(options: IRateLimiterOptions & { keyPrefix: string }): Limiter {
    const keyPrefix = `phonghop:${options.keyPrefix}`;
    if (!this.redis) return new RateLimiterMemory({ ...options, keyPrefix });
    return new RateLimiterRedis({
      ...options,
      keyPrefix,
      storeClient: this.redis,
      useRedisPackage: true,
      // Redis down: keep limiting per node rather than failing every sign-in.
      insuranceLimiter: new RateLimiterMemory({ ...options, keyPrefix }),
    });
  }

  /** Checks the limits and opens an attempt; throws TOO_MANY_ATTEMPTS with a retry time. */
  async begin(key: LoginAttemptKey): Promise<LoginAttempt> {
    const maxPerPair = this.config.LOGIN_MAX_FAILURES_PER_USER;

    if (key.deviceId) {
      const device = `d:${key.deviceId}`;
      const [slot, failures] = await Promise.all([
        this.inFlight.penalty(device),
        count(this.deviceFailures, key.deviceId),
      ]);
      if (failures + slot.consumedPoints <= maxPerPair) {
        return {
          trustedDevice: true,
          failed: async () => {
            await Promise.all([this.deviceFailures.penalty(key.deviceId!), this.inFlight.reward(device)]);
          },
          succeeded: async () => {
            await Promise.all([this.deviceFailures.delete(key.deviceId!), this.inFlight.reward(device)]);
          },
          abandoned: async () => {
            await this.inFlight.reward(device);
          },
        };
      }
      // A device with too many failures of its own is treated like any other.
      await this.inFlight.reward(device);
    }

    const pair = `${key.username}|${key.ip}`;
    const ip = `ip:${key.ip}`;
    const pairSlot = `p:${pair}`;
    // Take the in-flight slots first and judge with the counts they return: the increment is atomic,
    // so of many parallel guesses only as many as the limits allow go on to the password check.
    const [ipSlot, pairSlotRes] = await Promise.all([
      this.inFlight.penalty(ip),
      this.inFlight.penalty(pairSlot),
    ]);
    const release = () => Promise.all([this.inFlight.reward(ip), this.inFlight.reward(pairSlot)]);
    const [ipFailures, pairFailures, delay] = await Promise.all([
      this.ipFailures.get(key.ip),
      count(this.pairFailures, pair),
      this.pairDelay.get(pair),
    ]);
    const ipFailed = ipFailures?.consumedPoints ?? 0;
    const maxPerIp = this.config.LOGIN_MAX_FAILURES_PER_IP;
    // Sign-ins in flight count against an address only once it has failed: a whole office behind
    // one NAT signing in at the start of a meeting must not be refused for being many at once.
    const refusal =
      ipFailed >= maxPerIp || (ipFailed > 0 && ipFailed + ipSlot.consumedPoints > maxPerIp)
        ? (ipFailures?.msBeforeNext ?? 1000)
        : delay && delay.consumedPoints > 1
          ? delay.msBeforeNext
          : // Past the free failures, one attempt at a time for the pair: the delay is set when it fails.
            pairFailures + pairSlotRes.consumedPoints > maxPerPair && pairSlotRes.consumedPoints > 1
            ? 1000
            : null;
    if (refusal !== null) {
      await release();
      throw tooMany(refusal);
    }

    return {
      trustedDevice: false,
      failed: async () => {
        const [, res] = await Promise.all([this.ipFailures.penalty(key.ip), this.pairFailures.penalty(pair)]);
        const beyond = res.consumedPoints - maxPerPair;
        if (beyond >= 0) {
          await this.pairDelay.block(
            pair,
            Math.min(FIRST_DELAY_SECONDS * 2 ** beyond, this.config.LOGIN_WINDOW_SECONDS),
          );
        }
        await release();
      },
      succeeded: async () => {
        await Promise.all([this.pairFailures.delete(pair), this.pairDelay.delete(pair)]);
        await release();
      },
      abandoned: async () => {
        await release();
      },
    };
  }
}

async function count(limiter: Limiter, key: string): Promise<number> {
  return (await limiter.get(key))?.consumedPoints ?? 0;
}

function tooMany(msBeforeNext: number): AppException {
  return new TooManyAttemptsException(Math.max(1, Math.ceil(msBeforeNext / 1000)));
}
