import { Injectable, OnModuleInit } from '@nestjs/common';
import { argon2id, hash as argon2Hash, verify as argon2Verify } from 'argon2';
import { randomBytes } from 'node:crypto';

/**
 * argon2id with the OWASP baseline (19 MiB, 2 passes, 1 lane): strong, and cheap enough that a
 * two-core server signing in a whole meeting room at once stays responsive.
 */
const ARGON2_OPTIONS = {
  type: argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** Plain functions, so the demo seed (which runs before Nest starts) hashes the same way. */
export function hashPassword(password: string): Promise<string> {
  return argon2Hash(password, ARGON2_OPTIONS);
}

/** False for a wrong password and for a hash that cannot be parsed (never throws on bad input). */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2Verify(hash, password);
  } catch {
    return false;
  }
}

@Injectable()
export class PasswordService implements OnModuleInit {
  /** A hash of a random password, verified against when the user does not exist. */
  private dummyHash?: Promise<string>;

  onModuleInit(): void {
    this.dummyHash = hashPassword(randomBytes(24).toString('base64url'));
  }

  hash(password: string): Promise<string> {
    return hashPassword(password);
  }

  verify(hash: string, password: string): Promise<boolean> {
    return verifyPassword(hash, password);
  }

  /**
   * Spends the same work as a real verification and always fails. Used for unknown usernames so
   * the answer time does not tell whether an account exists.
   */
  async verifyDummy(password: string): Promise<false> {
    this.dummyHash ??= hashPassword(randomBytes(24).toString('base64url'));
    await verifyPassword(await this.dummyHash, password);
    return false;
  }
}
