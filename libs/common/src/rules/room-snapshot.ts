import type { Participant } from '../schemas/meetings';
import type {
  MeetingPerson,
  MeetingRoomSnapshot,
  MeetingSnapshot,
  PresenceChanged,
  RoomParticipant,
} from '../schemas/meeting-events';

/*
 * The compact room snapshot and its directory (docs/events/meeting.join.md):
 *  - the server sends `meeting.join` participants without their directory details (compactSnapshot);
 *  - a client fetches the people once (GET /meetings/:id/people, cached with its ETag) and puts the
 *    two back together (hydrateSnapshot), so screens read `participants[].user` as before;
 *  - presence arrives as deltas after the snapshot's one full list (applyPresenceDelta).
 */

/** A participant without the details the directory carries. */
export function compactParticipant(p: Participant | RoomParticipant): RoomParticipant {
  const { userId, role, invitation, declineReason, respondedAt } = p;
  return {
    userId,
    role,
    invitation,
    ...(declineReason != null ? { declineReason } : {}),
    ...(respondedAt != null ? { respondedAt } : {}),
  };
}

/** The join form of a snapshot (or of a state without `online`). */
export function compactSnapshot<S extends Omit<MeetingSnapshot, 'online'>>(
  s: S,
): Omit<S, 'participants'> & { participants: RoomParticipant[] } {
  return { ...s, participants: s.participants.map(compactParticipant) };
}

/** What a person looks like while the directory does not know them yet (never shown for long). */
function unknownPerson(userId: string): MeetingPerson {
  return {
    userId,
    user: { id: userId, username: '', fullName: '', title: '', unit: '' },
    addedAt: new Date(0).toISOString(),
  };
}

/**
 * The full snapshot from the compact one and the directory. `missing`: participants the directory
 * does not know (added since it was fetched) — refetch it and hydrate again; until then they carry
 * empty details.
 */
export function hydrateSnapshot(
  room: MeetingRoomSnapshot,
  people: ReadonlyMap<string, MeetingPerson>,
): { snapshot: MeetingSnapshot; missing: string[] } {
  const missing: string[] = [];
  const participants = room.participants.map((p): Participant => {
    let person = people.get(p.userId);
    if (!person) {
      missing.push(p.userId);
      person = unknownPerson(p.userId);
    }
    return {
      ...p,
      user: person.user,
      declineReason: p.declineReason ?? null,
      respondedAt: p.respondedAt ?? null,
      addedAt: person.addedAt,
    };
  });
  return { snapshot: { ...room, participants }, missing };
}

/** The online list after a presence delta (sorted, each id once). */
export function applyPresenceDelta(
  online: readonly string[],
  delta: Pick<PresenceChanged, 'joined' | 'left'>,
): string[] {
  const next = new Set(online);
  for (const id of delta.left) next.delete(id);
  for (const id of delta.joined) next.add(id);
  return [...next].sort();
}
