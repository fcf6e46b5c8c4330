import type { MeetingSnapshot, Poll } from '@phonghop/common';

/** The polls of a meeting snapshot, in creation order. */
export function pollsOf(snapshot: MeetingSnapshot): Poll[] {
  return snapshot.polls.items;
}
