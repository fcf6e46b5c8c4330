"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.currentItemChange = currentItemChange;
exports.isPausedItem = isPausedItem;
exports.undiscussedItems = undiscussedItems;
exports.isPermutationOf = isPermutationOf;
/**
 * The progress changes of making `itemId` the current item at `at`.
 *
 * The item that was current is only `done` when the chair really moved past it: forward to a later
 * item, or closing it (`itemId` null, also when the meeting ends). Going back to an earlier item
 * returns it to `pending`, keeping its `startedAt`: it was begun and left unfinished ("paused",
 * see `isPausedItem`), so "next" takes it up again and the end of the meeting lists it as not
 * finished. We chose `pending` + `startedAt` over a fifth status so that every rule about pending
 * items (skip, next, not yet done) holds for it unchanged.
 *
 * The new item becomes active, keeping its first start time (an item may be taken up again) and
 * losing its end time. The previous item comes first, so writing the list in order never has two
 * active items.
 */
function currentItemChange(agenda, itemId, at) {
    const changes = [];
    const current = agenda.find((i) => i.status === 'active');
    const next = itemId === null ? undefined : agenda.find((i) => i.id === itemId);
    if (current && current.id !== itemId) {
        const wentBack = next !== undefined && next.position < current.position;
        changes.push(wentBack
            ? { id: current.id, status: 'pending', startedAt: current.startedAt, endedAt: null }
            : { id: current.id, status: 'done', startedAt: current.startedAt, endedAt: at });
    }
    if (next && next.status !== 'active') {
        changes.push({ id: next.id, status: 'active', startedAt: next.startedAt ?? at, endedAt: null });
    }
    return changes;
}
/** Begun and left unfinished: the chair went back to an earlier item while this one was current. */
function isPausedItem(item) {
    return item.status === 'pending' && item.startedAt !== null;
}
/**
 * The items a meeting would leave undiscussed if it ended now: every `pending` item, in order
 * (never taken up, or begun and left when the chair went back). The current item is not among
 * them (ending closes it as done), nor are items the chair skipped on purpose.
 */
function undiscussedItems(agenda) {
    return [...agenda]
        .filter((i) => i.status === 'pending')
        .sort((a, b) => a.position - b.position)
        .map(({ id, position, title, startedAt }) => ({ id, position, title, startedAt }));
}
/** Whether `itemIds` names every item of the agenda exactly once. */
function isPermutationOf(agenda, itemIds) {
    if (itemIds.length !== agenda.length || new Set(itemIds).size !== itemIds.length)
        return false;
    const ids = new Set(agenda.map((i) => i.id));
    return itemIds.every((id) => ids.has(id));
}
//# sourceMappingURL=agenda-progress.js.map