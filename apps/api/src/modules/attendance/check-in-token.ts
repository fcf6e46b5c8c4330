import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * The room's check-in QR code. A token names one meeting and one 30-second window and is signed
 * with HMAC-SHA256 under a key derived from the server's secret:
 *
 *   v1.<meetingId>.<window>.<base64url(HMAC(key, "v1.<meetingId>.<window>"))>
 *
 * It is accepted during its own window and the next one (a code scanned as it changes still works),
 * never after; it cannot be moved to another meeting (the meeting id is signed) and each person can
 * use a given window once (recorded in attendance_qr_uses). So a photo of the code sent away is
 * useless within a minute. Pure functions of (secret, meeting, time): testable without a clock.
 */

export const CHECK_IN_WINDOW_MS = 30_000;
/** Windows accepted after the token's own (the code on the screen may change while a phone scans). */
const GRACE_WINDOWS = 1;

export interface CheckInToken {
  token: string;
  window: number;
  /** When the token's own window ends (the screen shows the next token from then). */
  validUntil: Date;
}

export type CheckInTokenCheck =
  | { ok: true; window: number }
  | { ok: false; reason: 'malformed' | 'wrong_meeting' | 'bad_signature' | 'expired' };

/** A key of its own for QR codes, derived from the server secret (never the access-token key itself). */
export function checkInKey(serverSecret: string): Buffer {
  return createHmac('sha256', serverSecret).update('phonghop/check-in-qr/v1').digest();
}

export function windowAt(at: Date): number {
  return Math.floor(at.getTime() / CHECK_IN_WINDOW_MS);
}

function sign(key: Buffer, meetingId: string, window: number): string {
  return createHmac('sha256', key).update(`v1.${meetingId}.${window}`).digest('base64url');
}

export function issueCheckInToken(key: Buffer, meetingId: string, at: Date): CheckInToken {
  const window = windowAt(at);
  return {
    token: `v1.${meetingId}.${window}.${sign(key, meetingId, window)}`,
    window,
    validUntil: new Date((window + 1) * CHECK_IN_WINDOW_MS),
  };
}

/** Made for a given window (tests forge an old one with the real key to prove it is refused). */
export function checkInTokenForWindow(key: Buffer, meetingId: string, window: number): string {
  return `v1.${meetingId}.${window}.${sign(key, meetingId, window)}`;
}

export function verifyCheckInToken(
  key: Buffer,
  token: string,
  meetingId: string,
  at: Date,
): CheckInTokenCheck {
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== 'v1' || !/^\d{1,15}$/.test(parts[2]))
    return { ok: false, reason: 'malformed' };
  const [, tokenMeeting, windowText, signature] = parts;
  const window = Number(windowText);
  const expected = Buffer.from(sign(key, tokenMeeting, window));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'bad_signature' };
  if (tokenMeeting !== meetingId) return { ok: false, reason: 'wrong_meeting' };
  const now = windowAt(at);
  if (window > now || now - window > GRACE_WINDOWS) return { ok: false, reason: 'expired' };
  return { ok: true, window };
}
