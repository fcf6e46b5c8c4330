import type { Speaker, SpeakersState } from '../schemas/speakers';
import { nextSpeakerPosition, speakerQueue, speakingLimitSeconds, speechClock } from './speakers';

const ITEM = 'item-1';
const speaker = (id: string, over: Partial<Speaker> = {}): Speaker => ({
  id,
  agendaItemId: ITEM,
  userId: `u-${id}`,
  kind: 'opinion',
  status: 'waiting',
  position: 1,
  limitSeconds: null,
  requestedAt: '2026-12-01T01:00:00.000Z',
  addedById: null,
  startedAt: null,
  endedAt: null,
  ...over,
});

describe('speakerQueue', () => {
  it('orders the waiting by position', () => {
    const list = [
      speaker('b', { position: 2 }),
      speaker('a', { position: 1 }),
      speaker('c', { position: 3 }),
    ];
    expect(speakerQueue(list, ITEM).map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });

  it('puts points of order first, in their own order', () => {
    const list = [
      speaker('a', { position: 1 }),
      speaker('p2', { position: 5, kind: 'point_of_order' }),
      speaker('b', { position: 2, kind: 'question' }),
      speaker('p1', { position: 4, kind: 'point_of_order' }),
    ];
    expect(speakerQueue(list, ITEM).map((s) => s.id)).toEqual(['p1', 'p2', 'a', 'b']);
  });

  it('leaves out other items and requests that are not waiting', () => {
    const list = [
      speaker('a', { position: 1, status: 'speaking' }),
      speaker('b', { position: 2, status: 'withdrawn' }),
      speaker('c', { position: 3, status: 'done' }),
      speaker('d', { position: 4, status: 'removed' }),
      speaker('e', { position: 5 }),
      speaker('x', { position: 1, agendaItemId: 'item-2' }),
    ];
    expect(speakerQueue(list, ITEM).map((s) => s.id)).toEqual(['e']);
  });

  it('gives a new request the place after every request of the item', () => {
    const list = [
      speaker('a', { position: 3, status: 'done' }),
      speaker('x', { position: 9, agendaItemId: 'item-2' }),
    ];
    expect(nextSpeakerPosition(list, ITEM)).toBe(4);
    expect(nextSpeakerPosition([], ITEM)).toBe(1);
  });
});

describe('speakingLimitSeconds', () => {
  const state: SpeakersState = {
    defaultLimitSeconds: 300,
    items: [{ agendaItemId: ITEM, limitSeconds: 180, closed: false }],
    list: [],
  };
  it.each([
    ['the speaker’s own limit first', { agendaItemId: ITEM, limitSeconds: 60 }, 60],
    ['then the item’s', { agendaItemId: ITEM, limitSeconds: null }, 180],
    ['then the meeting’s default', { agendaItemId: 'other', limitSeconds: null }, 300],
  ])('%s', (_name, s, expected) => {
    expect(speakingLimitSeconds(state, s)).toBe(expected);
  });
});

describe('speechClock', () => {
  const start = Date.parse('2026-12-01T01:00:00.000Z');
  it.each([
    [0, 120, { remainingSeconds: 120, phase: 'normal' }],
    [269_500, 300, { remainingSeconds: 31, phase: 'normal' }],
    [270_000, 300, { remainingSeconds: 30, phase: 'warning' }],
    [95_000, 120, { remainingSeconds: 25, phase: 'normal' }], // 2 min: the last fifth (24 s)
    [119_999, 120, { remainingSeconds: 1, phase: 'warning' }],
    [120_000, 120, { remainingSeconds: 0, phase: 'warning' }],
    [125_400, 120, { remainingSeconds: -5, phase: 'overtime' }],
    [50_000, 60, { remainingSeconds: 10, phase: 'warning' }], // a fifth of a short limit
    [-400, 300, { remainingSeconds: 300, phase: 'normal' }], // a screen's clock a little behind the server's
  ])('%i ms into a %i s speech', (elapsed, limit, expected) => {
    expect(speechClock(start, limit, start + elapsed)).toEqual(expected);
  });
});
