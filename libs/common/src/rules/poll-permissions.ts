import type { AttendanceRecord, AttendanceStatus } from '../schemas/attendance';
import type { MeetingRole, MeetingStatus } from '../schemas/meetings';
import type { PollStatus, PollVoter } from '../schemas/polls';
import type { MeetingActor, RuleResult } from './meeting-lifecycle';
import { isVotingRole } from './meeting-permissions';
import { isPresentStatus } from './quorum';

/*
 * Who may do what with a poll, as pure functions (the server enforces them; the web hides buttons).
 * - The chair or the secretary prepares polls (ahead of the meeting, or during it), and deletes drafts.
 * - Only the chair opens, closes and publishes; the meeting must be live to open or close.
 * - The secretary (or the chair) adds a late arrival to an open poll.
 * - A ballot is cast by the holder of an entitlement (themself, or a proxy holder) while open.
 * System admins may do what the chair and the secretary may; they never hold a ballot unless they
 * are a voting member.
 */

const ALLOWED = { ok: true } as const;
const isAdmin = (a: MeetingActor) => a.systemRole === 'admin';
const hasRole = (a: MeetingActor, ...roles: MeetingRole[]) =>
  isAdmin(a) || (a.meetingRole !== null && roles.includes(a.meetingRole));

/** Polls are prepared until the meeting ends. */
const PREPARE_STATUSES: readonly MeetingStatus[] = ['draft', 'scheduled', 'live'];

/** Create, update or delete a draft poll. */
export function checkPreparePoll(
  meetingStatus: MeetingStatus,
  actor: MeetingActor,
  pollStatus: PollStatus | null = null,
): RuleResult<'MEETING_ROLE_REQUIRED' | 'MEETING_NOT_EDITABLE' | 'POLL_NOT_DRAFT'> {
  if (!hasRole(actor, 'chair', 'secretary')) return { ok: false, code: 'MEETING_ROLE_REQUIRED' };
  if (!PREPARE_STATUSES.includes(meetingStatus)) return { ok: false, code: 'MEETING_NOT_EDITABLE' };
  if (pollStatus !== null && pollStatus !== 'draft') return { ok: false, code: 'POLL_NOT_DRAFT' };
  return ALLOWED;
}

/** Open a draft (the chair, while live). The quorum check comes after (QUORUM_NOT_REACHED). */
export function checkOpenPoll(
  meetingStatus: MeetingStatus,
  actor: MeetingActor,
  pollStatus: PollStatus,
): RuleResult<'MEETING_ROLE_REQUIRED' | 'MEETING_NOT_LIVE' | 'POLL_NOT_DRAFT'> {
  if (!hasRole(actor, 'chair')) return { ok: false, code: 'MEETING_ROLE_REQUIRED' };
  if (meetingStatus !== 'live') return { ok: false, code: 'MEETING_NOT_LIVE' };
  if (pollStatus !== 'draft') return { ok: false, code: 'POLL_NOT_DRAFT' };
  return ALLOWED;
}

/**
 * Close an open poll: the chair. Also allowed once the meeting has ended, so a poll left open by
 * mistake can still be closed and counted.
 */
export function checkClosePoll(
  actor: MeetingActor,
  pollStatus: PollStatus,
): RuleResult<'MEETING_ROLE_REQUIRED' | 'POLL_NOT_OPEN'> {
  if (!hasRole(actor, 'chair')) return { ok: false, code: 'MEETING_ROLE_REQUIRED' };
  if (pollStatus !== 'open') return { ok: false, code: 'POLL_NOT_OPEN' };
  return ALLOWED;
}

/** Publish a closed poll's results, receipts (and, for a named poll, who voted what): the chair. */
export function checkPublishPoll(
  actor: MeetingActor,
  pollStatus: PollStatus,
): RuleResult<'MEETING_ROLE_REQUIRED' | 'POLL_NOT_CLOSED'> {
  if (!hasRole(actor, 'chair')) return { ok: false, code: 'MEETING_ROLE_REQUIRED' };
  if (pollStatus !== 'closed') return { ok: false, code: 'POLL_NOT_CLOSED' };
  return ALLOWED;
}

/** Add a late voter: the secretary or the chair, while the poll is open. */
export function checkAddPollVoter(
  actor: MeetingActor,
  pollStatus: PollStatus,
): RuleResult<'MEETING_ROLE_REQUIRED' | 'POLL_NOT_OPEN'> {
  if (!hasRole(actor, 'secretary', 'chair')) return { ok: false, code: 'MEETING_ROLE_REQUIRED' };
  if (pollStatus !== 'open') return { ok: false, code: 'POLL_NOT_OPEN' };
  return ALLOWED;
}

/**
 * Cast a ballot as `userId` (the caller, or `proxyFor`): the poll is open, its timer has not run
 * out, and the caller holds that entitlement. Guests are never voters, so they never hold one.
 */
export function checkCastBallot(input: {
  callerId: string;
  userId: string;
  pollStatus: PollStatus;
  closesAt: string | null;
  nowMs: number;
  voters: readonly PollVoter[];
}): RuleResult<'POLL_NOT_OPEN' | 'POLL_TIME_UP' | 'NOT_A_VOTER'> {
  if (input.pollStatus !== 'open') return { ok: false, code: 'POLL_NOT_OPEN' };
  if (input.closesAt !== null && input.nowMs >= Date.parse(input.closesAt)) {
    return { ok: false, code: 'POLL_TIME_UP' };
  }
  const right = input.voters.find((v) => v.userId === input.userId);
  if (!right || right.holderId !== input.callerId) return { ok: false, code: 'NOT_A_VOTER' };
  return ALLOWED;
}

/** The entitlements a person holds in a poll: their own and the proxies given to them. */
export function entitlementsOf(voters: readonly PollVoter[], callerId: string): PollVoter[] {
  return voters.filter((v) => v.holderId === callerId);
}

/**
 * Who is shown a closed poll's result before it is published: the chair, the secretary, admins.
 * A presentation rule only: the result is on the log from `poll.closed` (it must be, to be
 * verifiable), so any participant's raw event stream carries it.
 */
export function canSeeUnpublishedResult(actor: MeetingActor): boolean {
  return hasRole(actor, 'chair', 'secretary');
}

/**
 * The voters of a poll when it opens: every voting member (chair, secretary, delegate; never a guest)
 * present in the room or online, plus one entitlement per proxy held — an absent voting member whose
 * proxy is held by a present voting member, when the meeting allows proxies. In participant order.
 */
export function votersAtOpen(
  members: readonly { userId: string; role: MeetingRole }[],
  records: readonly Pick<AttendanceRecord, 'userId' | 'status' | 'proxyHolderId'>[],
  proxiesAllowed: boolean,
): PollVoter[] {
  const byUser = new Map(records.map((r) => [r.userId, r]));
  const voting = members.filter((m) => isVotingRole(m.role));
  const present = new Set(
    voting.filter((m) => isPresentStatus(byUser.get(m.userId)?.status)).map((m) => m.userId),
  );
  const voters: PollVoter[] = voting
    .filter((m) => present.has(m.userId))
    .map((m) => ({ userId: m.userId, holderId: m.userId, late: false }));
  if (proxiesAllowed) {
    for (const m of voting) {
      const r = byUser.get(m.userId);
      if (r?.status === 'absent' && r.proxyHolderId && present.has(r.proxyHolderId)) {
        voters.push({ userId: m.userId, holderId: r.proxyHolderId, late: false });
      }
    }
  }
  return voters;
}

/** A late voter: a voting member, present now, without an entitlement in the poll yet. */
export function checkLateVoter(input: {
  role: MeetingRole | null;
  status: AttendanceStatus | undefined;
  voters: readonly PollVoter[];
  userId: string;
}): RuleResult<'POLL_VOTER_INVALID' | 'POLL_VOTER_EXISTS'> {
  if (input.voters.some((v) => v.userId === input.userId)) return { ok: false, code: 'POLL_VOTER_EXISTS' };
  if (input.role === null || !isVotingRole(input.role) || !isPresentStatus(input.status)) {
    return { ok: false, code: 'POLL_VOTER_INVALID' };
  }
  return ALLOWED;
}
