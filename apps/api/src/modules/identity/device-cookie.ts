import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The "device cookie" of the OWASP guidance against account lock-out: after a successful sign-in
 * the browser gets a signed cookie saying "this device signed in as <username>". A later sign-in
 * for that username from the device skips the per-address limits, so strangers guessing the
 * password cannot keep the real person out of their own tablet.
 *
 * One cookie per user (a shared tablet keeps one for each person), named after a hash of the
 * username; value `<deviceId>.<hmac(username, deviceId)>`, httpOnly, sent to the sign-in route only.
 */
export const DEVICE_COOKIE_PREFIX = 'phonghop_device_';
export const DEVICE_COOKIE_MAX_AGE_MS = 180 * 24 * 60 * 60 * 1000;

const VALUE = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

export class DeviceCookies {
  private readonly key: Buffer;

  constructor(secret: string) {
    // A key of its own, derived from the server secret: a device signature is never a valid token.
    this.key = createHmac('sha256', secret).update('phonghop device cookie v1').digest();
  }

  cookieName(username: string): string {
    return DEVICE_COOKIE_PREFIX + createHash('sha256').update(username).digest('hex').slice(0, 16);
  }

  /** A new cookie value for this user on this device. */
  issue(username: string, deviceId = randomBytes(16).toString('base64url')): string {
    return `${deviceId}.${this.sign(username, deviceId)}`;
  }

  /** The device id when the value is a cookie this server signed for this username; null otherwise. */
  verify(username: string, value: unknown): string | null {
    if (typeof value !== 'string') return null;
    const match = VALUE.exec(value);
    if (!match) return null;
    const expected = Buffer.from(this.sign(username, match[1]));
    const presented = Buffer.from(match[2]);
    return expected.length === presented.length && timingSafeEqual(expected, presented) ? match[1] : null;
  }

  private sign(username: string, deviceId: string): string {
    return createHmac('sha256', this.key).update(`${username}\n${deviceId}`).digest('base64url');
  }
}
