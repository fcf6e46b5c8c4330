import type { AgendaItem, Meeting, MeetingStatus, Participant } from '@phonghop/common';
import type { AgendaItemEntity } from '../agenda/agenda-item.entity';
import type { MeetingEntity } from './meeting.entity';

/** Entities → the plain shapes of the contract (entities never leave apps/api). */

export function toMeeting(e: MeetingEntity): Meeting {
  return {
    id: e.id,
    title: e.title,
    kind: e.kind,
    organizerUnit: e.organizerUnit,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    location: e.location,
    online: e.online,
    description: e.description,
    status: e.status,
    lastSeq: e.lastSeq,
    createdById: e.createdById,
    createdAt: e.createdAt.toISOString(),
  };
}

/** A `meetings` row read with raw SQL (snake_case columns). */
export function rawToMeeting(r: Record<string, unknown>): Meeting {
  return {
    id: r.id as string,
    title: r.title as string,
    kind: r.kind as Meeting['kind'],
    organizerUnit: r.organizer_unit as string,
    startsAt: (r.starts_at as Date).toISOString(),
    endsAt: (r.ends_at as Date).toISOString(),
    location: r.location as string | null,
    online: r.online as boolean,
    description: r.description as string,
    status: r.status as MeetingStatus,
    lastSeq: r.last_seq as number,
    createdById: r.created_by_id as string,
    createdAt: (r.created_at as Date).toISOString(),
  };
}

export function toAgendaItem(e: AgendaItemEntity): AgendaItem {
  return {
    id: e.id,
    position: e.position,
    title: e.title,
    description: e.description,
    presenterId: e.presenterId,
    plannedMinutes: e.plannedMinutes,
    status: e.status,
    startedAt: e.startedAt?.toISOString() ?? null,
    endedAt: e.endedAt?.toISOString() ?? null,
  };
}

/** A participant row joined with its user (raw SQL row, snake_case aliases). */
export interface ParticipantRow {
  user_id: string;
  role: Participant['role'];
  invitation: Participant['invitation'];
  decline_reason: string | null;
  responded_at: Date | null;
  added_at: Date;
  username: string;
  full_name: string;
  title: string;
  unit: string;
}

export function toParticipant(r: ParticipantRow): Participant {
  return {
    userId: r.user_id,
    user: { id: r.user_id, username: r.username, fullName: r.full_name, title: r.title, unit: r.unit },
    role: r.role,
    invitation: r.invitation,
    declineReason: r.decline_reason,
    respondedAt: r.responded_at?.toISOString() ?? null,
    addedAt: r.added_at.toISOString(),
  };
}

/** SELECT list for ParticipantRow from `meeting_participants p JOIN users u`. */
export const PARTICIPANT_COLUMNS = `p.user_id, p.role, p.invitation, p.decline_reason, p.responded_at, p.added_at,
  u.username, u.full_name, u.title, u.unit`;
