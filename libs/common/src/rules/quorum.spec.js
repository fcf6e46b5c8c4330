"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const quorum_1 = require("./quorum");
const HALF = {
    quorumNumerator: 1,
    quorumDenominator: 2,
    quorumAtLeast: false,
    proxiesCount: false,
};
const TWO_THIRDS = { ...HALF, quorumNumerator: 2, quorumDenominator: 3, quorumAtLeast: true };
const HALF_PROXIES = { ...HALF, proxiesCount: true };
/** `n` members named d1..dn with one role. */
const members = (n, role = 'delegate', prefix = 'd') => Array.from({ length: n }, (_, i) => ({ userId: `${prefix}${i + 1}`, role }));
const rec = (userId, status, proxyHolderId = null) => ({
    userId,
    status,
    proxyHolderId,
});
const present = (ids, status = 'present_room') => ids.map((id) => rec(id, status));
const ids = (n, prefix = 'd') => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
describe('requiredForQuorum', () => {
    it.each([
        // expected, settings, required
        [10, HALF, 6], // more than 5
        [9, HALF, 5], // more than 4.5
        [1, HALF, 1],
        [12, TWO_THIRDS, 8], // at least 8
        [10, TWO_THIRDS, 7], // at least 6.67
        [3, TWO_THIRDS, 2],
        [12, { ...TWO_THIRDS, quorumAtLeast: false }, 9], // more than 8
        [10, { ...HALF, quorumNumerator: 3, quorumDenominator: 4, quorumAtLeast: true }, 8], // 7.5 → 8
        [0, HALF, 1],
    ])('%i members with %o need %i', (expected, settings, required) => {
        expect((0, quorum_1.requiredForQuorum)(expected, settings)).toBe(required);
    });
});
describe('computeQuorum', () => {
    const cases = [
        {
            name: 'nobody checked in',
            members: members(10),
            records: [],
            settings: HALF,
            expect: { counted: 0, expected: 10, required: 6, reached: false },
        },
        {
            name: 'exactly half is not more than half',
            members: members(10),
            records: present(ids(5)),
            settings: HALF,
            expect: { counted: 5, expected: 10, required: 6, reached: false },
        },
        {
            name: 'one more than half reaches it',
            members: members(10),
            records: present(ids(6)),
            settings: HALF,
            expect: { counted: 6, expected: 10, required: 6, reached: true },
        },
        {
            name: 'present online counts like present in the room',
            members: members(10),
            records: [...present(ids(3)), ...present(['d4', 'd5', 'd6'], 'present_online')],
            settings: HALF,
            expect: { counted: 6, expected: 10, required: 6, reached: true },
        },
        {
            name: 'guests never count, present or expected',
            members: [...members(4), ...members(5, 'guest', 'g')],
            records: [...present(['d1', 'd2']), ...present(ids(5, 'g'))],
            settings: HALF,
            expect: { counted: 2, expected: 4, required: 3, reached: false },
        },
        {
            name: 'the chair and the secretary are voting members',
            members: [{ userId: 'c', role: 'chair' }, { userId: 's', role: 'secretary' }, ...members(2)],
            records: present(['c', 's', 'd1']),
            settings: HALF,
            expect: { counted: 3, expected: 4, required: 3, reached: true },
        },
        {
            name: 'late (announced, not here yet) does not count',
            members: members(4),
            records: [...present(['d1', 'd2']), rec('d3', 'late')],
            settings: HALF,
            expect: { counted: 2, expected: 4, required: 3, reached: false },
        },
        {
            name: 'a member who left no longer counts',
            members: members(4),
            records: [...present(['d1', 'd2']), rec('d3', 'left')],
            settings: HALF,
            expect: { counted: 2, expected: 4, required: 3, reached: false },
        },
        {
            name: 'absent members still count in the expected total',
            members: members(4),
            records: [...present(['d1', 'd2', 'd3']), rec('d4', 'absent')],
            settings: HALF,
            expect: { counted: 3, expected: 4, required: 3, reached: true },
        },
        {
            name: 'two thirds: 7 of 12 is not enough',
            members: members(12),
            records: present(ids(7)),
            settings: TWO_THIRDS,
            expect: { counted: 7, expected: 12, required: 8, reached: false },
        },
        {
            name: 'two thirds: 8 of 12 is enough',
            members: members(12),
            records: present(ids(8)),
            settings: TWO_THIRDS,
            expect: { counted: 8, expected: 12, required: 8, reached: true },
        },
        {
            name: 'a proxy counts when the meeting counts proxies',
            members: members(4),
            records: [...present(['d1', 'd2']), rec('d3', 'absent', 'd1')],
            settings: HALF_PROXIES,
            expect: { counted: 3, expected: 4, required: 3, reached: true, proxies: 1 },
        },
        {
            name: 'a proxy does not count when the meeting does not count proxies',
            members: members(4),
            records: [...present(['d1', 'd2']), rec('d3', 'absent', 'd1')],
            settings: HALF,
            expect: { counted: 2, expected: 4, required: 3, reached: false, proxies: 0 },
        },
        {
            name: 'a proxy held by someone who is not present does not count',
            members: members(4),
            records: [...present(['d1', 'd2']), rec('d3', 'absent', 'd4'), rec('d4', 'late')],
            settings: HALF_PROXIES,
            expect: { counted: 2, expected: 4, required: 3, reached: false, proxies: 0 },
        },
        {
            name: 'a proxy whose holder left stops counting',
            members: members(4),
            records: [...present(['d1', 'd2']), rec('d3', 'absent', 'd4'), rec('d4', 'left')],
            settings: HALF_PROXIES,
            expect: { counted: 2, expected: 4, required: 3, reached: false, proxies: 0 },
        },
        {
            name: 'a proxy held by a guest does not count',
            members: [...members(4), { userId: 'g1', role: 'guest' }],
            records: [...present(['d1', 'g1']), rec('d3', 'absent', 'g1')],
            settings: HALF_PROXIES,
            expect: { counted: 1, expected: 4, required: 3, reached: false, proxies: 0 },
        },
        {
            name: 'one holder carries one proxy for the quorum',
            members: members(6),
            records: [...present(['d1', 'd2']), rec('d3', 'absent', 'd1'), rec('d4', 'absent', 'd1')],
            settings: HALF_PROXIES,
            expect: { counted: 3, expected: 6, required: 4, reached: false, proxies: 1 },
        },
        {
            name: 'a guest giving a proxy counts for nothing',
            members: [...members(2), { userId: 'g1', role: 'guest' }],
            records: [...present(['d1']), rec('g1', 'absent', 'd1')],
            settings: HALF_PROXIES,
            expect: { counted: 1, expected: 2, required: 2, reached: false, proxies: 0 },
        },
        {
            name: 'records of people who are not members are ignored',
            members: members(2),
            records: present(['d1', 'd2', 'x1', 'x2']),
            settings: HALF,
            expect: { counted: 2, expected: 2, required: 2, reached: true },
        },
        {
            name: 'a meeting without voting members has no quorum',
            members: members(3, 'guest', 'g'),
            records: present(ids(3, 'g')),
            settings: HALF,
            expect: { counted: 0, expected: 0, required: 1, reached: false },
        },
    ];
    it.each(cases)('$name', (c) => {
        const q = (0, quorum_1.computeQuorum)(c.members, c.records, c.settings);
        expect(q).toMatchObject(c.expect);
        expect(q.counted).toBe(q.present + q.proxies);
        expect(q.present).toBe(q.presentRoom + q.presentOnline);
    });
});
//# sourceMappingURL=quorum.spec.js.map