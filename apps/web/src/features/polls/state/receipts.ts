/**
 * The receipts this tablet was given, kept in localStorage by poll and voter. For a secret poll the
 * server cannot say which ballot is whose (that is the point), so only the tablet that cast it can
 * show the receipt again after a reload — and check it against the published list. Only the
 * receipt is kept, never the choices: someone picking up the tablet later learns nothing.
 */
const PREFIX = 'phonghop.pollReceipt.';

export function saveReceipt(pollId: string, userId: string, receipt: string): void {
  try {
    localStorage.setItem(`${PREFIX}${pollId}.${userId}`, receipt);
  } catch {
    // storage disabled: the receipt is still on screen now
  }
}

export function readReceipt(pollId: string, userId: string): string | null {
  try {
    return localStorage.getItem(`${PREFIX}${pollId}.${userId}`);
  } catch {
    return null;
  }
}

/** The receipts I can check in a published poll: named polls publish mine; secret ones this tablet kept. */
export function receiptsOf(
  poll: { id: string; secret: boolean; votes: { castById: string; receipt: string }[] | null },
  userId: string,
): string[] {
  if (!poll.secret) return (poll.votes ?? []).filter((v) => v.castById === userId).map((v) => v.receipt);
  const kept = readReceipt(poll.id, userId);
  return kept ? [kept] : [];
}
