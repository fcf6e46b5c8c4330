import { Inject, Injectable } from '@nestjs/common';
import type { LoginRequest, LoginResponse, User } from '@phonghop/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppException } from '../../common/errors/app-exception';
import { APP_CONFIG, AppConfig } from '../../config/env';
import { RealtimeService } from '../realtime/realtime.service';
import { rooms } from '../realtime/realtime.types';
import { DeviceCookies } from './device-cookie';
import { LoginThrottle } from './login-throttle';
import { PasswordService } from './password.service';
import {
  formatRefreshToken,
  hashRefreshSecret,
  newRefreshSecret,
  parseRefreshToken,
  refreshSecretMatches,
  successorSecret,
} from './refresh-token';
import { SessionsRepository } from './sessions.repository';
import { TokenService } from './token.service';
import { UsersRepository } from './users.repository';

/** Where a request came from, kept on the session and in the sign-in log. */
export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

/** The answer of a sign-in or a refresh, and the new refresh cookie value. */
export interface IssuedTokens {
  body: LoginResponse;
  refreshToken: string;
}

/** A sign-in also (re)issues the device cookie of that user on this device. */
export interface SignedIn extends IssuedTokens {
  deviceCookie: { name: string; value: string };
}

type RefreshOutcome =
  | { kind: 'invalid' }
  | { kind: 'reused'; userId: string; sessionId: string }
  | { kind: 'rotated'; user: User; sessionId: string; secret: string };

@Injectable()
export class AuthService {
  private readonly devices: DeviceCookies;
  /** Signs the successor of a rotated refresh secret (see refresh()). */
  private readonly successorKey: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly realtime: RealtimeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectPinoLogger(AuthService.name) private readonly logger: PinoLogger,
  ) {
    this.devices = new DeviceCookies(config.JWT_SECRET);
    this.successorKey = Buffer.from(`refresh successor\n${config.JWT_SECRET}`);
  }

  /**
   * Unknown user, wrong password and disabled account all answer INVALID_CREDENTIALS after the
   * same argon2 work, so neither the answer nor its timing tells whether an account exists.
   * `cookies` are the request's cookies: the device cookie of this username, when valid, lets the
   * person through the per-address limits (LoginThrottle).
   */
  async login(
    request: LoginRequest,
    client: ClientInfo,
    cookies: Record<string, unknown> = {},
  ): Promise<SignedIn> {
    // Usernames are stored lower-case; tablets like to capitalise the first letter.
    const username = request.username.trim().toLowerCase();
    const deviceCookieName = this.devices.cookieName(username);
    const deviceId = this.devices.verify(username, cookies[deviceCookieName]);
    let attempt;
    try {
      attempt = await this.throttle.begin({ username, ip: client.ip, deviceId });
    } catch (err) {
      this.logger.warn(
        { event: 'login.throttled', username, ip: client.ip },
        'sign-in refused: too many failures',
      );
      throw err;
    }

    let candidate;
    let passwordOk = false;
    try {
      candidate = await this.users.findLoginCandidate(username);
      passwordOk = candidate
        ? await this.passwords.verify(candidate.passwordHash, request.password)
        : await this.passwords.verifyDummy(request.password);
    } catch (err) {
      // Our failure (the database), not the person's: free the slot, count nothing.
      await attempt.abandoned();
      throw err;
    }
    if (!candidate || !passwordOk || !candidate.user.active) {
      await attempt.failed();
      const reason = !candidate ? 'unknown_user' : !passwordOk ? 'wrong_password' : 'user_disabled';
      this.logger.warn(
        { event: 'login.failed', username, ip: client.ip, reason, knownDevice: attempt.trustedDevice },
        'sign-in failed',
      );
      throw new AppException('INVALID_CREDENTIALS');
    }

    await attempt.succeeded();
    const secret = newRefreshSecret();
    const sessionId = await this.sessions.create({
      userId: candidate.user.id,
      refreshHash: hashRefreshSecret(secret),
      expiresAt: this.refreshExpiry(),
      ip: client.ip.slice(0, 64),
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    });
    this.logger.info(
      { event: 'login.succeeded', username, userId: candidate.user.id, sessionId, ip: client.ip },
      'signed in',
    );
    return {
      ...this.issue(candidate.user, sessionId, secret),
      deviceCookie: { name: deviceCookieName, value: this.devices.issue(username, deviceId ?? undefined) },
    };
  }

  /**
   * Exchanges a refresh cookie for a new access token and a new cookie. The session row is locked,
   * so refreshes with one cookie run one after the other. The new secret is derived from the old
   * one (an HMAC with a server key), so for REFRESH_GRACE_SECONDS after a rotation the secret just
   * rotated away answers the same successor again: two tabs refreshing at once, or a retry whose
   * answer was lost, keep the session. An older secret, or the previous one after the grace
   * window, means the cookie was copied, and the whole session is revoked.
   */
  async refresh(cookieValue: unknown): Promise<IssuedTokens> {
    const token = parseRefreshToken(cookieValue);
    if (!token) throw new AppException('UNAUTHENTICATED');

    const outcome = await this.dataSource.transaction(async (manager): Promise<RefreshOutcome> => {
      const session = await this.sessions.lockForRefresh(manager, token.sessionId);
      if (!session || session.revokedAt || session.expiresAt.getTime() <= Date.now())
        return { kind: 'invalid' };
      const successor = successorSecret(this.successorKey, token.secret);
      const current = refreshSecretMatches(token.secret, session.refreshHash);
      const justRotated =
        !current &&
        session.rotatedAt !== null &&
        Date.now() - session.rotatedAt.getTime() <= this.config.REFRESH_GRACE_SECONDS * 1000 &&
        refreshSecretMatches(successor, session.refreshHash);
      if (!current && !justRotated) {
        await this.sessions.revoke(session.id, 'refresh_reuse', manager);
        return { kind: 'reused', userId: session.userId, sessionId: session.id };
      }
      const user = await this.users.findById(session.userId, manager);
      if (!user?.active) return { kind: 'invalid' };
      // Within the grace window the successor already is the session's secret: answer it again.
      if (current) {
        await this.sessions.rotate(manager, session.id, hashRefreshSecret(successor), this.refreshExpiry());
      }
      return { kind: 'rotated', user, sessionId: session.id, secret: successor };
    });

    if (outcome.kind === 'invalid') throw new AppException('UNAUTHENTICATED');
    if (outcome.kind === 'reused') {
      this.logger.warn(
        { event: 'refresh.reused', userId: outcome.userId, sessionId: outcome.sessionId },
        'refresh token reused: session revoked',
      );
      await this.disconnectSession(outcome.userId, outcome.sessionId);
      throw new AppException('UNAUTHENTICATED');
    }
    return this.issue(outcome.user, outcome.sessionId, outcome.secret);
  }

  /**
   * Ends the session named by the refresh cookie (when its secret is right) and the one of the
   * access token (when valid). Never fails: signing out must work with an expired token too.
   */
  async logout(cookieValue: unknown, accessToken: string | undefined): Promise<void> {
    const ended: { userId: string; sessionId: string }[] = [];

    const token = parseRefreshToken(cookieValue);
    if (token) {
      const fromCookie = await this.dataSource.transaction(async (manager) => {
        const session = await this.sessions.lockForRefresh(manager, token.sessionId);
        if (!session || session.revokedAt || !refreshSecretMatches(token.secret, session.refreshHash))
          return null;
        await this.sessions.revoke(session.id, 'logout', manager);
        return { userId: session.userId, sessionId: session.id };
      });
      if (fromCookie) ended.push(fromCookie);
    }

    if (accessToken) {
      try {
        const claims = this.tokens.verifyAccessToken(accessToken);
        if (await this.sessions.revoke(claims.sessionId, 'logout')) {
          ended.push({ userId: claims.id, sessionId: claims.sessionId });
        }
      } catch {
        // An invalid or expired access token names no session to end.
      }
    }

    for (const s of ended) {
      this.logger.info({ event: 'logout', userId: s.userId, sessionId: s.sessionId }, 'signed out');
      await this.disconnectSession(s.userId, s.sessionId);
    }
  }

  async me(userId: string): Promise<User> {
    const user = await this.users.findById(userId);
    if (!user) throw new AppException('USER_NOT_FOUND');
    return user;
  }

  get refreshTtlMs(): number {
    return this.config.REFRESH_TOKEN_TTL_DAYS * 24 * 60 * 60 * 1000;
  }

  private refreshExpiry(): Date {
    return new Date(Date.now() + this.refreshTtlMs);
  }

  private issue(user: User, sessionId: string, secret: string): IssuedTokens {
    const accessToken = this.tokens.signAccessToken({ id: user.id, sessionId, systemRole: user.systemRole });
    return {
      body: { accessToken, expiresIn: this.tokens.accessTokenTtlSeconds, user },
      refreshToken: formatRefreshToken({ sessionId, secret }),
    };
  }

  /**
   * Tells the sockets of one session (not the user's other devices) that it ended, and closes
   * them. fetchSockets reaches every node through the Redis adapter.
   */
  private async disconnectSession(userId: string, sessionId: string): Promise<void> {
    try {
      const sockets = await this.realtime.io.in(rooms.user(userId)).fetchSockets();
      for (const socket of sockets) {
        if (socket.data.user?.sessionId !== sessionId) continue;
        socket.emit('session.revoked', { reason: 'logout' });
        socket.disconnect(true);
      }
    } catch (err) {
      // The session is revoked already; its sockets are refused at their next reconnect.
      this.logger.error(
        { event: 'logout.disconnect_failed', userId, sessionId, err },
        'could not close sockets',
      );
    }
  }
}
