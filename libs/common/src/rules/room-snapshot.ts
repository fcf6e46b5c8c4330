import type { Participant } from '../schemas/meetings';
import type { MeetingRoomSnapshot, MeetingSnapshot, PresenceChanged } from '../schemas/meeting-events';

/*
 * The room snapshot and its roster (docs/events/meeting.join.md):
 *  - `meeting.join` answers the room's state without its participants (MeetingRoomSnapshot), so the
 *    answer does not grow with the meeting;
 *  - the client then fetches the roster (GET /meetings/:id/roster, kept with its ETag), which the
 *    server reads at the meeting's seq *now* — never older than the join's snapshot;
 *  - withRoster puts the two together, and the client applies the events after the snapshot's seq
 *    as usual (they reach it on the room's channel or in its early buffer).
 *
 * Why that is exact although the roster may be newer than the snapshot (seq R ≥ S): the events in
 * (S, R] are applied to participants that already reflect them. Every participant event writes
 * fields of one or more participants outright (added replaces the whole entry, removed deletes it,
 * roleChanged / chairHandedOver / responded set fields), so each field ends with the value of its
 * last writer — the same whether the roster already had it or not. Re-applying a suffix of them
 * changes nothing (room-snapshot.spec.ts checks it).
 */

/**
 * The full snapshot screens hold: the join's room state with the roster's participants, and the
 * online list this client has (empty unless it watches presence: `presence.watch`).
 */
export function withRoster(
  room: MeetingRoomSnapshot,
  participants: readonly Participant[],
  online: readonly string[] = [],
): MeetingSnapshot {
  return { ...room, participants: [...participants], online: [...online] };
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
