"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const meeting_calendar_1 = require("./meeting-calendar");
/*
 * The list rules at fixed instants, never at the machine's "now": each case names the instant it
 * runs at, in Vietnam time, so the table passes at any hour and on any date.
 */
const vn = (local) => new Date(`${local}+07:00`);
describe('localDayRange at the awkward instants', () => {
    it.each([
        // [now (Vietnam), first instant of the Vietnamese day, of the next]
        [
            'late evening in Vietnam while UTC is still the previous day',
            '2026-06-15T23:30:00',
            '2026-06-15',
            '2026-06-16',
        ],
        [
            'just after midnight in Vietnam (UTC: 17:01 the day before)',
            '2026-06-16T00:01:00',
            '2026-06-16',
            '2026-06-17',
        ],
        ['the last minute of a 30-day month', '2026-04-30T23:59:00', '2026-04-30', '2026-05-01'],
        ['the first minute of the next month', '2026-05-01T00:00:00', '2026-05-01', '2026-05-02'],
        ['29 February of a leap year', '2028-02-29T12:00:00', '2028-02-29', '2028-03-01'],
        ['the last minute of the year', '2026-12-31T23:59:00', '2026-12-31', '2027-01-01'],
        ['the first minute of the year', '2027-01-01T00:01:00', '2027-01-01', '2027-01-02'],
    ])('%s', (_what, now, day, next) => {
        const range = (0, meeting_calendar_1.localDayRange)(vn(now));
        expect(range.from.toISOString()).toBe(vn(`${day}T00:00:00`).toISOString());
        expect(range.to.toISOString()).toBe(vn(`${next}T00:00:00`).toISOString());
    });
});
describe('meetingListScopes and isOverdue', () => {
    // One meeting per row, planned 14:00–16:30 on 31 December 2026 (Vietnam) unless it says otherwise.
    const meeting = (status, start = '2026-12-31T14:00:00', end = '2026-12-31T16:30:00') => ({
        status,
        startsAt: vn(start).toISOString(),
        endsAt: vn(end).toISOString(),
    });
    it.each([
        // [case, meeting, now (Vietnam), lists, overdue]
        [
            'scheduled, the morning before',
            meeting('scheduled'),
            '2026-12-31T09:00:00',
            ['today', 'upcoming'],
            false,
        ],
        [
            'scheduled, the evening before (UTC already on the day)',
            meeting('scheduled'),
            '2026-12-30T23:59:00',
            ['upcoming'],
            false,
        ],
        [
            'scheduled, its start just come, not started',
            meeting('scheduled'),
            '2026-12-31T14:00:00',
            ['today', 'upcoming'],
            true,
        ],
        // The bug of issue 6: after the planned end a meeting nobody held is not "past".
        [
            'scheduled, after its planned end, not held',
            meeting('scheduled'),
            '2026-12-31T17:00:00',
            ['today', 'upcoming'],
            true,
        ],
        [
            'scheduled, not held, a minute before midnight',
            meeting('scheduled'),
            '2026-12-31T23:59:00',
            ['today', 'upcoming'],
            true,
        ],
        [
            'scheduled, not held, into the next year',
            meeting('scheduled'),
            '2027-01-01T00:01:00',
            ['today', 'upcoming'],
            true,
        ],
        [
            'scheduled, not held, a month later',
            meeting('scheduled'),
            '2027-01-31T10:00:00',
            ['today', 'upcoming'],
            true,
        ],
        ['live, within its planned time', meeting('live'), '2026-12-31T15:00:00', ['today', 'upcoming'], false],
        [
            'live, running over past midnight',
            meeting('live'),
            '2027-01-01T00:01:00',
            ['today', 'upcoming'],
            false,
        ],
        ['ended early, the same day', meeting('ended'), '2026-12-31T15:00:00', ['today', 'past'], false],
        ['ended, the next day', meeting('ended'), '2027-01-01T00:01:00', ['past'], false],
        [
            'closed before its planned time (held early)',
            meeting('closed'),
            '2026-12-31T09:00:00',
            ['today', 'past'],
            false,
        ],
        ['archived, long after', meeting('archived'), '2027-06-01T09:00:00', ['past'], false],
        [
            'draft, its time passed (postponed, not rescheduled)',
            meeting('draft'),
            '2027-01-01T00:01:00',
            ['upcoming'],
            false,
        ],
        ['draft, on its day', meeting('draft'), '2026-12-31T08:00:00', ['today', 'upcoming'], false],
        [
            'scheduled over midnight, seen on its second day',
            meeting('scheduled', '2026-12-31T22:00:00', '2027-01-01T01:00:00'),
            '2027-01-01T00:30:00',
            ['today', 'upcoming'],
            true,
        ],
        [
            'scheduled for 1 May, seen on 30 April at 23:59',
            meeting('scheduled', '2026-05-01T07:30:00', '2026-05-01T09:00:00'),
            '2026-04-30T23:59:00',
            ['upcoming'],
            false,
        ],
        [
            'scheduled for 1 May, seen at 00:01 on 1 May',
            meeting('scheduled', '2026-05-01T07:30:00', '2026-05-01T09:00:00'),
            '2026-05-01T00:01:00',
            ['today', 'upcoming'],
            false,
        ],
    ])('%s', (_what, m, now, scopes, overdue) => {
        expect((0, meeting_calendar_1.meetingListScopes)(m, vn(now))).toEqual(scopes);
        expect((0, meeting_calendar_1.isOverdue)(m, vn(now))).toBe(overdue);
    });
    it('never puts a meeting that was not held in "past", at any instant', () => {
        // Every hour of three awkward days (month end, year end), for each status that is not held.
        const start = vn('2026-12-30T00:00:00').getTime();
        for (let h = 0; h < 72; h++) {
            const now = new Date(start + h * 3_600_000);
            for (const status of ['draft', 'scheduled', 'live']) {
                expect((0, meeting_calendar_1.meetingListScopes)(meeting(status), now)).not.toContain('past');
            }
        }
    });
});
//# sourceMappingURL=meeting-list-scopes.spec.js.map