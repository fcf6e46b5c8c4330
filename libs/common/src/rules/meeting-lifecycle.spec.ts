import { MEETING_STATUSES, MeetingRole, MeetingStatus } from '../schemas/meetings';
import { checkTransition, MeetingActor, nextStatuses } from './meeting-lifecycle';
import {
  canViewMeeting,
  checkEditAgenda,
  checkEditDetails,
  checkManageParticipants,
  checkRemoveAgendaItem,
  checkRespondInvitation,
  checkSetAgendaItemStatus,
  checkSetCurrentItem,
  isVotingRole,
} from './meeting-permissions';

const as = (meetingRole: MeetingRole | null): MeetingActor => ({ systemRole: 'member', meetingRole });
const admin: MeetingActor = { systemRole: 'admin', meetingRole: null };

describe('meeting lifecycle', () => {
  it('lists the allowed next statuses', () => {
    expect(nextStatuses('draft')).toEqual(['scheduled']);
    expect(nextStatuses('scheduled').sort()).toEqual(['draft', 'live']);
    expect(nextStatuses('live')).toEqual(['ended']);
    expect(nextStatuses('ended')).toEqual(['closed']);
    expect(nextStatuses('closed')).toEqual(['archived']);
    expect(nextStatuses('archived')).toEqual([]);
  });

  it.each<[MeetingStatus, MeetingStatus, MeetingRole]>([
    ['draft', 'scheduled', 'secretary'],
    ['scheduled', 'draft', 'secretary'],
    ['scheduled', 'live', 'chair'],
    ['live', 'ended', 'chair'],
    ['ended', 'closed', 'chair'],
    ['ended', 'closed', 'secretary'],
    ['closed', 'archived', 'secretary'],
  ])('%s → %s is allowed to the %s and to admins', (from, to, role) => {
    expect(checkTransition(from, to, as(role))).toEqual({ ok: true });
    expect(checkTransition(from, to, admin)).toEqual({ ok: true });
  });

  it.each<[MeetingStatus, MeetingStatus, MeetingRole | null]>([
    ['draft', 'scheduled', 'chair'],
    ['draft', 'scheduled', 'delegate'],
    ['scheduled', 'live', 'secretary'],
    ['scheduled', 'live', 'delegate'],
    ['live', 'ended', 'secretary'],
    ['live', 'ended', 'guest'],
    ['ended', 'closed', 'delegate'],
    ['closed', 'archived', 'chair'],
    ['scheduled', 'live', null],
  ])('%s → %s is refused to %s', (from, to, role) => {
    expect(checkTransition(from, to, as(role))).toEqual({ ok: false, code: 'MEETING_ROLE_REQUIRED' });
  });

  it('refuses every transition not in the table, even to admins', () => {
    const allowed = new Set(MEETING_STATUSES.flatMap((f) => nextStatuses(f).map((t) => `${f}>${t}`)));
    for (const from of MEETING_STATUSES) {
      for (const to of MEETING_STATUSES) {
        if (allowed.has(`${from}>${to}`)) continue;
        expect(checkTransition(from, to, admin)).toEqual({ ok: false, code: 'INVALID_TRANSITION' });
      }
    }
    expect(allowed.size).toBe(6);
  });
});

describe('meeting permissions', () => {
  it('shows a meeting to participants and admins only', () => {
    expect(canViewMeeting(as('guest'))).toBe(true);
    expect(canViewMeeting(admin)).toBe(true);
    expect(canViewMeeting(as(null))).toBe(false);
  });

  it('lets the secretary edit details while preparing', () => {
    expect(checkEditDetails('draft', as('secretary')).ok).toBe(true);
    expect(checkEditDetails('scheduled', admin).ok).toBe(true);
    expect(checkEditDetails('draft', as('chair'))).toEqual({ ok: false, code: 'MEETING_ROLE_REQUIRED' });
    expect(checkEditDetails('live', as('secretary'))).toEqual({ ok: false, code: 'MEETING_NOT_EDITABLE' });
  });

  it('lets the secretary manage participants until the meeting ends', () => {
    expect(checkManageParticipants('live', as('secretary')).ok).toBe(true);
    expect(checkManageParticipants('ended', as('secretary'))).toEqual({
      ok: false,
      code: 'MEETING_NOT_EDITABLE',
    });
    expect(checkManageParticipants('draft', as('delegate'))).toEqual({
      ok: false,
      code: 'MEETING_ROLE_REQUIRED',
    });
  });

  it('takes invitation answers from participants of scheduled or live meetings', () => {
    expect(checkRespondInvitation('scheduled', as('guest')).ok).toBe(true);
    expect(checkRespondInvitation('draft', as('delegate'))).toEqual({
      ok: false,
      code: 'MEETING_NOT_EDITABLE',
    });
    expect(checkRespondInvitation('scheduled', admin)).toEqual({ ok: false, code: 'NOT_A_PARTICIPANT' });
  });

  it('gives the agenda to the secretary before and to the chair during the meeting', () => {
    expect(checkEditAgenda('draft', as('secretary')).ok).toBe(true);
    expect(checkEditAgenda('scheduled', as('chair'))).toEqual({ ok: false, code: 'MEETING_ROLE_REQUIRED' });
    expect(checkEditAgenda('live', as('chair')).ok).toBe(true);
    expect(checkEditAgenda('live', as('secretary'))).toEqual({ ok: false, code: 'MEETING_ROLE_REQUIRED' });
    expect(checkEditAgenda('live', admin).ok).toBe(true);
    expect(checkEditAgenda('ended', admin)).toEqual({ ok: false, code: 'MEETING_NOT_EDITABLE' });
  });

  it('sets the current item only for the chair of a live meeting', () => {
    expect(checkSetCurrentItem('live', as('chair')).ok).toBe(true);
    expect(checkSetCurrentItem('live', as('delegate'))).toEqual({ ok: false, code: 'MEETING_ROLE_REQUIRED' });
    expect(checkSetCurrentItem('scheduled', as('chair'))).toEqual({ ok: false, code: 'MEETING_NOT_LIVE' });
  });

  it('keeps started items in the record', () => {
    expect(checkRemoveAgendaItem('pending').ok).toBe(true);
    expect(checkRemoveAgendaItem('skipped').ok).toBe(true);
    expect(checkRemoveAgendaItem('active')).toEqual({ ok: false, code: 'AGENDA_ITEM_STARTED' });
    expect(checkRemoveAgendaItem('done')).toEqual({ ok: false, code: 'AGENDA_ITEM_STARTED' });
    // Begun, then left when the chair went back: part of the record too.
    expect(checkRemoveAgendaItem('pending', '2026-12-01T01:00:00.000Z')).toEqual({
      ok: false,
      code: 'AGENDA_ITEM_STARTED',
    });
    expect(checkSetAgendaItemStatus('pending', 'skipped').ok).toBe(true);
    expect(checkSetAgendaItemStatus('skipped', 'pending').ok).toBe(true);
    expect(checkSetAgendaItemStatus('done', 'skipped')).toEqual({ ok: false, code: 'AGENDA_ITEM_STARTED' });
  });

  it('never lets guests vote', () => {
    expect(isVotingRole('guest')).toBe(false);
    expect(isVotingRole('delegate')).toBe(true);
  });
});
