"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const meeting_calendar_1 = require("./meeting-calendar");
describe('localDayRange', () => {
    it('gives the Vietnamese day containing an instant', () => {
        // 2026-12-01 20:00 UTC is 2026-12-02 03:00 in Hà Nội.
        const { from, to } = (0, meeting_calendar_1.localDayRange)(new Date('2026-12-01T20:00:00Z'));
        expect(from.toISOString()).toBe('2026-12-01T17:00:00.000Z');
        expect(to.toISOString()).toBe('2026-12-02T17:00:00.000Z');
    });
    it('includes the first instant of the day and excludes the next', () => {
        const { from, to } = (0, meeting_calendar_1.localDayRange)(new Date('2026-12-01T17:00:00Z'));
        expect(from.toISOString()).toBe('2026-12-01T17:00:00.000Z');
        expect(to.toISOString()).toBe('2026-12-02T17:00:00.000Z');
    });
});
describe('overlaps', () => {
    const d = (s) => new Date(s);
    it('is half-open', () => {
        expect((0, meeting_calendar_1.overlaps)(d('2026-01-01T08:00Z'), d('2026-01-01T10:00Z'), d('2026-01-01T10:00Z'), d('2026-01-02T00:00Z'))).toBe(false);
        expect((0, meeting_calendar_1.overlaps)(d('2026-01-01T08:00Z'), d('2026-01-01T10:01Z'), d('2026-01-01T10:00Z'), d('2026-01-02T00:00Z'))).toBe(true);
    });
});
//# sourceMappingURL=meeting-calendar.spec.js.map