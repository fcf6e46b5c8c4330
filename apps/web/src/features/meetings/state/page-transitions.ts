import { checkTransition, nextStatuses, type MeetingActor, type MeetingStatus } from '@phonghop/common';

/**
 * Where a meeting can be moved from its page (REST transitions). Opening and ending the session
 * are the chair's, in the room (socket commands meeting.start / meeting.end), so they are not here.
 */
export const PAGE_TRANSITION_TARGETS: readonly MeetingStatus[] = ['scheduled', 'draft', 'closed', 'archived'];

/** The statuses `actor` may move a meeting in `status` to from its page, as the shared rules say. */
export function pageTransitions(status: MeetingStatus, actor: MeetingActor): MeetingStatus[] {
  return nextStatuses(status).filter(
    (to) => PAGE_TRANSITION_TARGETS.includes(to) && checkTransition(status, to, actor).ok,
  );
}
