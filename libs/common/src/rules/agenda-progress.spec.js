"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const agenda_progress_1 = require("./agenda-progress");
const T0 = '2026-12-01T01:00:00.000Z';
const T1 = '2026-12-01T01:20:00.000Z';
const T2 = '2026-12-01T02:00:00.000Z';
const positions = { a: 1, b: 2, c: 3, d: 4 };
const item = (id, over = {}) => ({
    id,
    position: positions[id] ?? 1,
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
        expect((0, agenda_progress_1.currentItemChange)([item('a'), item('b')], 'a', T0)).toEqual([
            { id: 'a', status: 'active', startedAt: T0, endedAt: null },
        ]);
    });
    it('closes the current item before opening the next', () => {
        const agenda = [item('a', { status: 'active', startedAt: T0 }), item('b')];
        expect((0, agenda_progress_1.currentItemChange)(agenda, 'b', T1)).toEqual([
            { id: 'a', status: 'done', startedAt: T0, endedAt: T1 },
            { id: 'b', status: 'active', startedAt: T1, endedAt: null },
        ]);
    });
    it('going back returns the current item to pending, keeping its start (paused), not done', () => {
        const agenda = [
            item('a', { status: 'done', startedAt: T0, endedAt: T1 }),
            item('b', { status: 'active', startedAt: T1 }),
        ];
        const changes = (0, agenda_progress_1.currentItemChange)(agenda, 'a', T2);
        expect(changes).toEqual([
            { id: 'b', status: 'pending', startedAt: T1, endedAt: null },
            { id: 'a', status: 'active', startedAt: T0, endedAt: null },
        ]);
        expect((0, agenda_progress_1.isPausedItem)({ ...agenda[1], ...changes[0] })).toBe(true);
    });
    // Table: from the current item to another, what the item left becomes.
    it.each([
        ['forward by one', 'done', 'b', 'c'],
        ['forward past pending items', 'done', 'a', 'd'],
        ['back by one', 'pending', 'c', 'b'],
        ['back to the first', 'pending', 'd', 'a'],
        ['closed (null, also at the end)', 'done', 'b', null],
    ])('%s: the item left becomes %s', (_name, left, from, to) => {
        const agenda = ['a', 'b', 'c', 'd'].map((id) => id === from ? item(id, { status: 'active', startedAt: T0 }) : item(id));
        const changes = (0, agenda_progress_1.currentItemChange)(agenda, to, T1);
        expect(changes[0]).toEqual({
            id: from,
            status: left,
            startedAt: T0,
            endedAt: left === 'done' ? T1 : null,
        });
        // Items jumped over forward were never discussed: they stay pending, untouched.
        expect(changes.map((c) => c.id)).toEqual(to === null ? [from] : [from, to]);
    });
    it('taking a paused item up again keeps its first start', () => {
        const agenda = [
            item('a', { status: 'active', startedAt: T1 }),
            item('b', { status: 'pending', startedAt: T0 }),
        ];
        expect((0, agenda_progress_1.currentItemChange)(agenda, 'b', T2)).toEqual([
            { id: 'a', status: 'done', startedAt: T1, endedAt: T2 },
            { id: 'b', status: 'active', startedAt: T0, endedAt: null },
        ]);
    });
    it('changes nothing when the item is already current, and only closes for null', () => {
        const agenda = [item('a', { status: 'active', startedAt: T0 })];
        expect((0, agenda_progress_1.currentItemChange)(agenda, 'a', T1)).toEqual([]);
        expect((0, agenda_progress_1.currentItemChange)(agenda, null, T1)).toEqual([
            { id: 'a', status: 'done', startedAt: T0, endedAt: T1 },
        ]);
    });
});
describe('undiscussedItems', () => {
    it('lists pending items in order: never taken up, or paused; not the current, done or skipped ones', () => {
        const agenda = [
            item('d'),
            item('c', { status: 'skipped' }),
            item('b', { status: 'pending', startedAt: T0 }),
            item('a', { status: 'active', startedAt: T1 }),
        ];
        expect((0, agenda_progress_1.undiscussedItems)(agenda)).toEqual([
            { id: 'b', position: 2, title: 'b', startedAt: T0 },
            { id: 'd', position: 4, title: 'd', startedAt: null },
        ]);
        expect((0, agenda_progress_1.isPausedItem)(agenda[0])).toBe(false);
    });
    it('is empty when everything was discussed or skipped', () => {
        expect((0, agenda_progress_1.undiscussedItems)([item('a', { status: 'done' }), item('b', { status: 'skipped' })])).toEqual([]);
    });
});
describe('isPermutationOf', () => {
    const agenda = [item('a'), item('b'), item('c')];
    it('accepts every id once in any order', () => {
        expect((0, agenda_progress_1.isPermutationOf)(agenda, ['c', 'a', 'b'])).toBe(true);
    });
    it('refuses missing, extra, repeated or unknown ids', () => {
        expect((0, agenda_progress_1.isPermutationOf)(agenda, ['a', 'b'])).toBe(false);
        expect((0, agenda_progress_1.isPermutationOf)(agenda, ['a', 'b', 'c', 'd'])).toBe(false);
        expect((0, agenda_progress_1.isPermutationOf)(agenda, ['a', 'a', 'b'])).toBe(false);
        expect((0, agenda_progress_1.isPermutationOf)(agenda, ['a', 'b', 'x'])).toBe(false);
    });
});
//# sourceMappingURL=agenda-progress.spec.js.map