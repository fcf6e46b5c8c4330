import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The refresh cookie value is `<sessionId>.<secret>`. Only the SHA-256 of the secret is stored
 * (a database leak does not leak usable cookies); the secret is 32 random bytes, so a fast hash
 * is enough.
 */
const FORMAT = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

export interface RefreshToken {
  sessionId: string;
  secret: string;
}

export function newRefreshSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashRefreshSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function formatRefreshToken(token: RefreshToken): string {
  return `${token.sessionId}.${token.secret}`;
}

/** Null for anything that is not a well-formed refresh token. */
export function parseRefreshToken(value: unknown): RefreshToken | null {
  if (typeof value !== 'string') return null;
  const match = FORMAT.exec(value);
  return match ? { sessionId: match[1], secret: match[2] } : null;
}

/** Constant-time comparison of a presented secret with the stored hash. */
export function refreshSecretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashRefreshSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/**
 * The secret that replaces `secret` at a rotation: HMAC(key, secret), 32 bytes like a fresh one.
 * Deterministic on purpose — a second refresh with the same cookie within the grace window gets
 * the same successor — and unpredictable without the server key.
 */
export function successorSecret(key: Buffer, secret: string): string {
  return createHmac('sha256', key).update(secret).digest('base64url');
}
