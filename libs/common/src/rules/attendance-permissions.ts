import type { MeetingStatus } from '../schemas/meetings';
import type { MeetingActor, RuleResult } from './meeting-lifecycle';

/*
 * Who may take attendance, as pure functions (the server enforces them; the web hides buttons).
 * Attendance is taken from the moment the meeting is announced (people arrive before the chair
 * opens the session) until it ends; after that it is part of the record.
 */

const ALLOWED = { ok: true } as const;
const OPEN_STATUSES: readonly MeetingStatus[] = ['scheduled', 'live'];

/** A participant checks themself in ("Có mặt"), guests too (they are listed, never counted). */
export function checkSelfCheckIn(
  status: MeetingStatus,
  actor: MeetingActor,
): RuleResult<'NOT_A_PARTICIPANT' | 'ATTENDANCE_CLOSED'> {
  if (actor.meetingRole === null) return { ok: false, code: 'NOT_A_PARTICIPANT' };
  if (!OPEN_STATUSES.includes(status)) return { ok: false, code: 'ATTENDANCE_CLOSED' };
  return ALLOWED;
}

/** The secretary (or a system admin) marks anyone and records proxies. */
export function checkTakeAttendance(
  status: MeetingStatus,
  actor: MeetingActor,
): RuleResult<'MEETING_ROLE_REQUIRED' | 'ATTENDANCE_CLOSED'> {
  if (actor.systemRole !== 'admin' && actor.meetingRole !== 'secretary') {
    return { ok: false, code: 'MEETING_ROLE_REQUIRED' };
  }
  if (!OPEN_STATUSES.includes(status)) return { ok: false, code: 'ATTENDANCE_CLOSED' };
  return ALLOWED;
}

/** The quorum rule and the proxy policy: the secretary, from the draft until the meeting ends. */
export function checkConfigureAttendance(
  status: MeetingStatus,
  actor: MeetingActor,
): RuleResult<'MEETING_ROLE_REQUIRED' | 'ATTENDANCE_CLOSED'> {
  if (actor.systemRole !== 'admin' && actor.meetingRole !== 'secretary') {
    return { ok: false, code: 'MEETING_ROLE_REQUIRED' };
  }
  if (status !== 'draft' && !OPEN_STATUSES.includes(status)) return { ok: false, code: 'ATTENDANCE_CLOSED' };
  return ALLOWED;
}

/** Who can see everyone's check-in status and tablet connection: the chair and the secretary. */
export function canManageAttendance(actor: MeetingActor): boolean {
  return actor.systemRole === 'admin' || actor.meetingRole === 'chair' || actor.meetingRole === 'secretary';
}
