import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey, KeyObject } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { AccessTokenClaims } from '@phonghop/common';
import { AppException } from '../../common/errors/app-exception';
import { APP_CONFIG, AppConfig } from '../../config/env';
import type { AuthUser } from '../../common/auth/auth-user';

const ALGORITHM = 'HS256' as const;
const AUDIENCE = 'phonghop';
const ISSUER = 'phonghop-api';
/** Ids inside our tokens are lower-case uuids; anything else would reach PostgreSQL's uuid type and fail there. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Signs and verifies access tokens: one allow-listed algorithm, audience and issuer checked. */
@Injectable()
export class TokenService {
  /**
   * The secret as a KeyObject, made once: given a string, jsonwebtoken builds a new key on every
   * verify, which showed up as the largest CPU cost of a 1,000-tablet join storm.
   */
  private readonly key: KeyObject;

  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.key = createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8'));
  }

  get accessTokenTtlSeconds(): number {
    return this.config.ACCESS_TOKEN_TTL_SECONDS;
  }

  /** `ttlSeconds` defaults to ACCESS_TOKEN_TTL_SECONDS (tests pass a shorter one to watch expiry). */
  signAccessToken(user: AuthUser, ttlSeconds = this.config.ACCESS_TOKEN_TTL_SECONDS): string {
    const claims: AccessTokenClaims = { sub: user.id, sid: user.sessionId, role: user.systemRole };
    return this.jwt.sign(claims, {
      secret: this.key as unknown as string, // jsonwebtoken takes a KeyObject; @nestjs/jwt types only say string
      algorithm: ALGORITHM,
      audience: AUDIENCE,
      issuer: ISSUER,
      expiresIn: ttlSeconds,
    });
  }

  /** Verifies signature, algorithm, audience, issuer and expiry; throws UNAUTHENTICATED or TOKEN_EXPIRED. */
  verifyAccessToken(token: string): AuthUser {
    try {
      const claims = this.jwt.verify<AccessTokenClaims & { exp?: unknown; aud?: unknown }>(token, {
        secret: this.key as unknown as string, // jsonwebtoken takes a KeyObject; @nestjs/jwt types only say string
        algorithms: [ALGORITHM],
        audience: AUDIENCE,
        issuer: ISSUER,
      });
      // jsonwebtoken accepts a token without `exp` (it never expires) and an `aud` array that merely
      // contains ours; neither is a token we signed.
      if (
        typeof claims.exp !== 'number' ||
        claims.aud !== AUDIENCE ||
        typeof claims.sub !== 'string' ||
        typeof claims.sid !== 'string' ||
        !UUID.test(claims.sub) ||
        !UUID.test(claims.sid)
      ) {
        throw new AppException('UNAUTHENTICATED');
      }
      return {
        id: claims.sub,
        sessionId: claims.sid,
        systemRole: claims.role === 'admin' ? 'admin' : 'member',
      };
    } catch (err) {
      if (err instanceof AppException) throw err;
      if ((err as Error).name === 'TokenExpiredError') throw new AppException('TOKEN_EXPIRED');
      throw new AppException('UNAUTHENTICATED');
    }
  }
}
