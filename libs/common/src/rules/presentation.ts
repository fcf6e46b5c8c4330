import type { AgendaItem } from '../schemas/agenda';
import type { MeetingStatus } from '../schemas/meetings';
import type { Presentation } from '../schemas/presentation';
import type { MeetingActor, RuleResult } from './meeting-lifecycle';

/*
 * Who may present a document and turn its pages, as pure rules (the server enforces them; the web
 * shows the buttons with the same functions). Presenting happens in the live session only.
 */

const ALLOWED = { ok: true } as const;

type AgendaPresenters = readonly Pick<AgendaItem, 'status' | 'presenterId'>[];

/** The chair (or an admin) always; otherwise the presenter of the agenda item under discussion. */
export function canPresent(actor: MeetingActor & { userId: string }, agenda: AgendaPresenters): boolean {
  if (actor.systemRole === 'admin' || actor.meetingRole === 'chair') return true;
  if (actor.meetingRole === null) return false;
  return agenda.some((item) => item.status === 'active' && item.presenterId === actor.userId);
}

/** `document.present`: the chair or the current item's presenter, while the meeting is live. */
export function checkPresent(
  status: MeetingStatus,
  actor: MeetingActor & { userId: string },
  agenda: AgendaPresenters,
): RuleResult<'NOT_A_PARTICIPANT' | 'MEETING_ROLE_REQUIRED' | 'MEETING_NOT_LIVE'> {
  if (actor.meetingRole === null && actor.systemRole !== 'admin')
    return { ok: false, code: 'NOT_A_PARTICIPANT' };
  if (!canPresent(actor, agenda)) return { ok: false, code: 'MEETING_ROLE_REQUIRED' };
  if (status !== 'live') return { ok: false, code: 'MEETING_NOT_LIVE' };
  return ALLOWED;
}

/**
 * `document.turnPage` and `document.stopPresenting`: the one presenting, or the chair (or an admin),
 * who may take over or stop any presentation. Nothing presented: PRESENTATION_NOT_ACTIVE.
 */
export function checkControlPresentation(
  status: MeetingStatus,
  actor: MeetingActor & { userId: string },
  presentation: Presentation | null,
): RuleResult<
  'NOT_A_PARTICIPANT' | 'MEETING_ROLE_REQUIRED' | 'MEETING_NOT_LIVE' | 'PRESENTATION_NOT_ACTIVE'
> {
  if (actor.meetingRole === null && actor.systemRole !== 'admin')
    return { ok: false, code: 'NOT_A_PARTICIPANT' };
  if (status !== 'live') return { ok: false, code: 'MEETING_NOT_LIVE' };
  if (!presentation) return { ok: false, code: 'PRESENTATION_NOT_ACTIVE' };
  if (actor.systemRole === 'admin' || actor.meetingRole === 'chair') return ALLOWED;
  if (presentation.presenterId === actor.userId) return ALLOWED;
  return { ok: false, code: 'MEETING_ROLE_REQUIRED' };
}

/**
 * The page a follower's reader shows: the presenter's while following, otherwise their own.
 * A follower who may not read the presented document gets no page at all (null).
 */
export function followedPage(
  presentation: Presentation | null,
  following: boolean,
  canRead: (documentId: string) => boolean,
): { documentId: string; versionId: string; page: number } | null {
  if (!presentation || !following) return null;
  if (!canRead(presentation.documentId)) return null;
  return { documentId: presentation.documentId, versionId: presentation.versionId, page: presentation.page };
}
