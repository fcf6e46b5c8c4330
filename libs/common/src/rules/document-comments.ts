import type { MeetingStatus } from '../schemas/meetings';
import type { MeetingActor, RuleResult } from './meeting-lifecycle';

/*
 * Comments on drafts (góp ý dự thảo), as pure functions: the server enforces them with its own
 * clock (the injectable Clock), the web app uses them only to show the form or the "closed" note.
 * Whether the person may read the document at all is the documents' access check, made before.
 */

const ALLOWED = { ok: true } as const;
/** A meeting takes comments on its documents until it ends; after that they are the record. */
const COMMENTABLE_STATUSES: readonly MeetingStatus[] = ['draft', 'scheduled', 'live'];

type Closed = 'COMMENTS_NOT_REQUESTED' | 'COMMENTS_CLOSED' | 'COMMENT_DEADLINE_PASSED';

/**
 * Whether a comment on a document is accepted at `now`: the secretary asked for comments by giving
 * the document a deadline, the meeting has not ended, and the deadline has not passed — a comment at
 * the deadline's very instant is late (the deadline is "until", not "through").
 */
export function commentsOpen(status: MeetingStatus, deadline: Date | null, now: Date): RuleResult<Closed> {
  if (deadline === null) return { ok: false, code: 'COMMENTS_NOT_REQUESTED' };
  if (!COMMENTABLE_STATUSES.includes(status)) return { ok: false, code: 'COMMENTS_CLOSED' };
  if (now.getTime() >= deadline.getTime()) {
    return { ok: false, code: 'COMMENT_DEADLINE_PASSED' };
  }
  return ALLOWED;
}

/** A participant of the meeting (any role, guests too: invited experts comment on drafts). */
export function checkComment(
  status: MeetingStatus,
  actor: MeetingActor,
  deadline: Date | null,
  now: Date,
): RuleResult<'NOT_A_PARTICIPANT' | Closed> {
  if (actor.meetingRole === null) return { ok: false, code: 'NOT_A_PARTICIPANT' };
  return commentsOpen(status, deadline, now);
}

/** The author withdraws their own comment, while comments are still open. */
export function checkWithdrawComment(
  status: MeetingStatus,
  actor: MeetingActor & { userId: string },
  comment: { authorId: string; withdrawnAt: string | null },
  deadline: Date | null,
  now: Date,
): RuleResult<'COMMENT_NOT_FOUND' | 'COMMENT_WITHDRAWN' | Closed> {
  // Someone else's comment is not theirs to know about.
  if (comment.authorId !== actor.userId) return { ok: false, code: 'COMMENT_NOT_FOUND' };
  if (comment.withdrawnAt !== null) return { ok: false, code: 'COMMENT_WITHDRAWN' };
  return commentsOpen(status, deadline, now);
}

/**
 * Who reads every comment on a document (and exports them): the chair and the secretary, who
 * collect the comments into the next draft, and system admins (who may act in any meeting). Any
 * other participant sees only their own.
 */
export function canSeeAllComments(actor: MeetingActor): boolean {
  return actor.systemRole === 'admin' || actor.meetingRole === 'chair' || actor.meetingRole === 'secretary';
}
