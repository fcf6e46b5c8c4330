import { newIdempotencyKey } from '../../../lib/idempotency-key';

/**
 * A ballot sent but not yet acknowledged, kept in sessionStorage under its poll and proxy: after a
 * lost ack, a reconnect or even a reload of the tab the same ballot is sent again with the SAME
 * idempotency key, so the server counts it once. It is forgotten only when the ack (a receipt or a
 * refusal) arrives.
 */
export interface PendingCast {
  idempotencyKey: string;
  choices: string[];
}

const PREFIX = 'phonghop.pollCast.';

function slot(pollId: string, userId: string): string {
  return `${PREFIX}${pollId}.${userId}`;
}

export function readPendingCast(pollId: string, userId: string): PendingCast | null {
  try {
    const raw = sessionStorage.getItem(slot(pollId, userId));
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<PendingCast>;
    if (typeof value.idempotencyKey !== 'string' || !Array.isArray(value.choices)) return null;
    return { idempotencyKey: value.idempotencyKey, choices: value.choices.map(String) };
  } catch {
    return null;
  }
}

/** The pending cast for these choices: the stored one when the choices are the same, else a new key. */
export function pendingCastFor(pollId: string, userId: string, choices: string[]): PendingCast {
  const stored = readPendingCast(pollId, userId);
  if (stored && sameChoices(stored.choices, choices)) return stored;
  const fresh = { idempotencyKey: newIdempotencyKey(), choices: [...choices] };
  try {
    sessionStorage.setItem(slot(pollId, userId), JSON.stringify(fresh));
  } catch {
    // storage full or disabled: the key still lives in memory for this page
  }
  return fresh;
}

export function clearPendingCast(pollId: string, userId: string): void {
  try {
    sessionStorage.removeItem(slot(pollId, userId));
  } catch {
    // nothing stored
  }
}

export function sameChoices(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const sorted = [...b].sort();
  return [...a].sort().every((x, i) => x === sorted[i]);
}
