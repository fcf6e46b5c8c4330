import type { AgendaItem } from '@phonghop/common';

const byPosition = (a: AgendaItem, b: AgendaItem) => a.position - b.position;

/** The item being discussed: the one `active` (at most one). */
export function currentItem(agenda: readonly AgendaItem[]): AgendaItem | null {
  return agenda.find((item) => item.status === 'active') ?? null;
}

/**
 * What "next" takes up: the item after the current one that is not skipped (also when the chair
 * went back to an earlier item); with no current item, the first item not yet discussed.
 */
export function nextItem(agenda: readonly AgendaItem[]): AgendaItem | null {
  const current = currentItem(agenda);
  const sorted = [...agenda].sort(byPosition);
  if (!current) return sorted.find((item) => item.status === 'pending') ?? null;
  return sorted.find((item) => item.position > current.position && item.status !== 'skipped') ?? null;
}

/** What "back" returns to: the closest item before the current one that was not skipped. */
export function previousItem(agenda: readonly AgendaItem[]): AgendaItem | null {
  const current = currentItem(agenda);
  if (!current) return null;
  return (
    [...agenda]
      .sort(byPosition)
      .reverse()
      .find((item) => item.position < current.position && item.status !== 'skipped') ?? null
  );
}
