import type { AgendaItem, AgendaItemStatus } from '@phonghop/common';
import { currentItem, nextItem, previousItem } from './agenda-navigation';

function agenda(...statuses: AgendaItemStatus[]): AgendaItem[] {
  return statuses.map((status, i) => ({
    id: `00000000-0000-4000-8000-00000000000${i + 1}`,
    position: i + 1,
    title: `Item ${i + 1}`,
    description: '',
    presenterId: null,
    plannedMinutes: 10,
    status,
    startedAt: null,
    endedAt: null,
  }));
}

const positionOf = (item: AgendaItem | null) => item?.position ?? null;

describe('agenda navigation of the chair', () => {
  it('starts with the first item not yet discussed', () => {
    expect(positionOf(currentItem(agenda('pending', 'pending')))).toBeNull();
    expect(positionOf(nextItem(agenda('pending', 'pending')))).toBe(1);
    expect(positionOf(nextItem(agenda('skipped', 'pending')))).toBe(2);
    expect(positionOf(previousItem(agenda('pending', 'pending')))).toBeNull();
  });

  it('moves to the following item and back, passing over skipped ones', () => {
    const items = agenda('done', 'active', 'skipped', 'pending');
    expect(positionOf(currentItem(items))).toBe(2);
    expect(positionOf(nextItem(items))).toBe(4);
    expect(positionOf(previousItem(items))).toBe(1);
  });

  it('after going back to an earlier item, "next" is the item after it again', () => {
    const items = agenda('active', 'done', 'done', 'done');
    expect(positionOf(nextItem(items))).toBe(2);
  });

  it('has no next item after the last one', () => {
    expect(nextItem(agenda('done', 'active'))).toBeNull();
    expect(nextItem(agenda('done', 'done'))).toBeNull();
  });

  it('follows positions, not the order of the array', () => {
    const items = agenda('active', 'pending', 'pending').reverse();
    expect(positionOf(nextItem(items))).toBe(2);
  });
});
