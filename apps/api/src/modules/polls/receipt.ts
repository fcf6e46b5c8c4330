import { createHash } from 'node:crypto';

/** Crockford's base 32: no I, L, O, U, so a receipt read aloud or typed is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The receipt of a ballot: 50 bits of sha256(poll id, the cast's idempotency key) as `XXXXX-XXXXX`.
 *
 * Derived from the key the voter's tablet made for this cast, not stored beside the voter: a retry
 * with the same key gets the same receipt (idempotent without a table that maps voters to
 * receipts), and only the tablet that cast the ballot knows which receipt is its own. The key is
 * random (uuid v4), so a receipt cannot be predicted from the voter.
 */
export function receiptFor(pollId: string, idempotencyKey: string): string {
  const digest = createHash('sha256').update(`phonghop/poll-receipt/v1|${pollId}|${idempotencyKey}`).digest();
  let bits = 0n;
  for (let i = 0; i < 7; i++) bits = (bits << 8n) | BigInt(digest[i]);
  bits >>= 6n; // 56 → 50 bits
  let code = '';
  for (let i = 0; i < 10; i++) {
    code = ALPHABET[Number(bits & 31n)] + code;
    bits >>= 5n;
  }
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** sha256 hex of the ballots' digest text (rules/poll-result.ts ballotsDigestText). */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
