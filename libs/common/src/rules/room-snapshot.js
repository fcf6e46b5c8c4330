"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.compactParticipant = compactParticipant;
exports.compactSnapshot = compactSnapshot;
exports.hydrateSnapshot = hydrateSnapshot;
exports.applyPresenceDelta = applyPresenceDelta;
/*
 * The compact room snapshot and its directory (docs/events/meeting.join.md):
 *  - the server sends `meeting.join` participants without their directory details (compactSnapshot);
 *  - a client fetches the people once (GET /meetings/:id/people, cached with its ETag) and puts the
 *    two back together (hydrateSnapshot), so screens read `participants[].user` as before;
 *  - presence arrives as deltas after the snapshot's one full list (applyPresenceDelta).
 */
/** A participant without the details the directory carries. */
function compactParticipant(p) {
    const { user: _user, addedAt: _addedAt, ...live } = p;
    return live;
}
/** The join form of a snapshot (or of a state without `online`). */
function compactSnapshot(s) {
    return { ...s, participants: s.participants.map(compactParticipant) };
}
/** What a person looks like while the directory does not know them yet (never shown for long). */
function unknownPerson(userId) {
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
function hydrateSnapshot(room, people) {
    const missing = [];
    const participants = room.participants.map((p) => {
        let person = people.get(p.userId);
        if (!person) {
            missing.push(p.userId);
            person = unknownPerson(p.userId);
        }
        return { ...p, user: person.user, addedAt: person.addedAt };
    });
    return { snapshot: { ...room, participants }, missing };
}
/** The online list after a presence delta (sorted, each id once). */
function applyPresenceDelta(online, delta) {
    const next = new Set(online);
    for (const id of delta.left)
        next.delete(id);
    for (const id of delta.joined)
        next.add(id);
    return [...next].sort();
}
//# sourceMappingURL=room-snapshot.js.map