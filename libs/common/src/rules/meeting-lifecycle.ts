import type { SystemRole } from '../schemas/identity';
import type { MeetingRole, MeetingStatus } from '../schemas/meetings';

/** Who acts on a meeting: their system role and their role in this meeting (null: not a participant). */
export interface MeetingActor {
  systemRole: SystemRole;
  meetingRole: MeetingRole | null;
}

export type RuleResult<C extends string = string> = { ok: true } | { ok: false; code: C };

const ALLOWED = { ok: true } as const;

/** Who may move a meeting from one status to another; system admins may do all of them. */
export const MEETING_TRANSITIONS: readonly {
  from: MeetingStatus;
  to: MeetingStatus;
  roles: readonly MeetingRole[];
}[] = [
  // Scheduling sends the invitations; unscheduling takes the meeting back to the drawing board.
  { from: 'draft', to: 'scheduled', roles: ['secretary'] },
  { from: 'scheduled', to: 'draft', roles: ['secretary'] },
  // The chair opens and closes the session.
  { from: 'scheduled', to: 'live', roles: ['chair'] },
  { from: 'live', to: 'ended', roles: ['chair'] },
  // Closing means the minutes are approved: the chair or the secretary confirms it.
  { from: 'ended', to: 'closed', roles: ['chair', 'secretary'] },
  { from: 'closed', to: 'archived', roles: ['secretary'] },
];

/** The statuses reachable from `from` by someone. */
export function nextStatuses(from: MeetingStatus): MeetingStatus[] {
  return MEETING_TRANSITIONS.filter((t) => t.from === from).map((t) => t.to);
}

/** Whether `actor` may move the meeting from `from` to `to`. */
export function checkTransition(
  from: MeetingStatus,
  to: MeetingStatus,
  actor: MeetingActor,
): RuleResult<'INVALID_TRANSITION' | 'MEETING_ROLE_REQUIRED'> {
  const rule = MEETING_TRANSITIONS.find((t) => t.from === from && t.to === to);
  if (!rule) return { ok: false, code: 'INVALID_TRANSITION' };
  if (actor.systemRole === 'admin') return ALLOWED;
  if (actor.meetingRole && rule.roles.includes(actor.meetingRole)) return ALLOWED;
  return { ok: false, code: 'MEETING_ROLE_REQUIRED' };
}

/** Statuses in which the details and the participants are still prepared. */
export const PREPARATION_STATUSES: readonly MeetingStatus[] = ['draft', 'scheduled'];
/** Statuses in which the meeting has taken place (it shows under "past"). */
export const FINISHED_STATUSES: readonly MeetingStatus[] = ['ended', 'closed', 'archived'];
