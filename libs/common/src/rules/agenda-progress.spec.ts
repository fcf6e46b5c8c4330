import type { AgendaItem } from '../schemas/agenda';
import { currentItemChange, isPermutationOf } from './agenda-progress';

const T0 = '2026-12-01T01:00:00.000Z';
const T1 = '2026-12-01T01:20:00.000Z';
const item = (id: string, over: Partial<AgendaItem> = {}): AgendaItem => ({
  id,
  position: 1,
  title: id,
  description: '',
  presenterId: null,
  plannedMinutes: 10,
  status: 'pending',
  startedAt: null,
  endedAt: null,
  ...over,
});

describe('currentItemChange', () => {
  it('starts the first item', () => {
    expect(currentItemChange([item('a'), item('b')], 'a', T0)).toEqual([
      { id: 'a', status: 'active', startedAt: T0, endedAt: null },
    ]);
  });

  it('closes the current item before opening the next', () => {
    const agenda = [item('a', { status: 'active', startedAt: T0 }), item('b')];
    expect(currentItemChange(agenda, 'b', T1)).toEqual([
      { id: 'a', status: 'done', startedAt: T0, endedAt: T1 },
      { id: 'b', status: 'active', startedAt: T1, endedAt: null },
    ]);
  });

  it('keeps the first start time when an item is taken up again', () => {
    const agenda = [
      item('a', { status: 'done', startedAt: T0, endedAt: T1 }),
      item('b', { status: 'active', startedAt: T1 }),
    ];
    expect(currentItemChange(agenda, 'a', '2026-12-01T02:00:00.000Z')).toEqual([
      { id: 'b', status: 'done', startedAt: T1, endedAt: '2026-12-01T02:00:00.000Z' },
      { id: 'a', status: 'active', startedAt: T0, endedAt: null },
    ]);
  });

  it('changes nothing when the item is already current, and only closes for null', () => {
    const agenda = [item('a', { status: 'active', startedAt: T0 })];
    expect(currentItemChange(agenda, 'a', T1)).toEqual([]);
    expect(currentItemChange(agenda, null, T1)).toEqual([
      { id: 'a', status: 'done', startedAt: T0, endedAt: T1 },
    ]);
  });
});

describe('isPermutationOf', () => {
  const agenda = [item('a'), item('b'), item('c')];
  it('accepts every id once in any order', () => {
    expect(isPermutationOf(agenda, ['c', 'a', 'b'])).toBe(true);
  });
  it('refuses missing, extra, repeated or unknown ids', () => {
    expect(isPermutationOf(agenda, ['a', 'b'])).toBe(false);
    expect(isPermutationOf(agenda, ['a', 'b', 'c', 'd'])).toBe(false);
    expect(isPermutationOf(agenda, ['a', 'a', 'b'])).toBe(false);
    expect(isPermutationOf(agenda, ['a', 'b', 'x'])).toBe(false);
  });
});
