import type { AgendaItem, AgendaItemProgress } from '../schemas/agenda';

/**
 * The progress changes of making `itemId` the current item at `at`: the current item (if another)
 * is done at `at`; the new one becomes active, keeping its first start time (an item may be taken
 * up again) and losing its end time. Null `itemId`: only the current item is closed. The previous
 * item comes first, so writing the list in order never has two active items.
 */
export function currentItemChange(
  agenda: readonly AgendaItem[],
  itemId: string | null,
  at: string,
): AgendaItemProgress[] {
  const changes: AgendaItemProgress[] = [];
  const current = agenda.find((i) => i.status === 'active');
  if (current && current.id !== itemId) {
    changes.push({ id: current.id, status: 'done', startedAt: current.startedAt, endedAt: at });
  }
  const next = itemId === null ? undefined : agenda.find((i) => i.id === itemId);
  if (next && next.status !== 'active') {
    changes.push({ id: next.id, status: 'active', startedAt: next.startedAt ?? at, endedAt: null });
  }
  return changes;
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
