import type { AgendaItem, AgendaItemProgress } from '../schemas/agenda';

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
export function currentItemChange(
  agenda: readonly AgendaItem[],
  itemId: string | null,
  at: string,
): AgendaItemProgress[] {
  const changes: AgendaItemProgress[] = [];
  const current = agenda.find((i) => i.status === 'active');
  const next = itemId === null ? undefined : agenda.find((i) => i.id === itemId);
  if (current && current.id !== itemId) {
    const wentBack = next !== undefined && next.position < current.position;
    changes.push(
      wentBack
        ? { id: current.id, status: 'pending', startedAt: current.startedAt, endedAt: null }
        : { id: current.id, status: 'done', startedAt: current.startedAt, endedAt: at },
    );
  }
  if (next && next.status !== 'active') {
    changes.push({ id: next.id, status: 'active', startedAt: next.startedAt ?? at, endedAt: null });
  }
  return changes;
}

/** Begun and left unfinished: the chair went back to an earlier item while this one was current. */
export function isPausedItem(item: Pick<AgendaItem, 'status' | 'startedAt'>): boolean {
  return item.status === 'pending' && item.startedAt !== null;
}

/** An agenda item the meeting ended without finishing, as the end event records it. */
export interface UndiscussedItem {
  id: string;
  position: number;
  title: string;
  /** Set when the item was begun and left unfinished (the chair went back); null: never taken up. */
  startedAt: string | null;
}

/**
 * The items a meeting would leave undiscussed if it ended now: every `pending` item, in order
 * (never taken up, or begun and left when the chair went back). The current item is not among
 * them (ending closes it as done), nor are items the chair skipped on purpose.
 */
export function undiscussedItems(agenda: readonly AgendaItem[]): UndiscussedItem[] {
  return [...agenda]
    .filter((i) => i.status === 'pending')
    .sort((a, b) => a.position - b.position)
    .map(({ id, position, title, startedAt }) => ({ id, position, title, startedAt }));
}

/** Whether `itemIds` names every item of the agenda exactly once. */
export function isPermutationOf(
  agenda: readonly Pick<AgendaItem, 'id'>[],
  itemIds: readonly string[],
): boolean {
  if (itemIds.length !== agenda.length || new Set(itemIds).size !== itemIds.length) return false;
  const ids = new Set(agenda.map((i) => i.id));
  return itemIds.every((id) => ids.has(id));
}
