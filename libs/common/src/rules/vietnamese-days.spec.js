"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const vietnamese_days_1 = require("./vietnamese-days");
describe('Vietnamese day names', () => {
    it('are written in sentence case, Sunday first', () => {
        expect(vietnamese_days_1.VI_WEEKDAYS[0]).toBe('Chủ nhật');
        expect(vietnamese_days_1.VI_WEEKDAYS[1]).toBe('Thứ hai');
    });
    it('formats an instant on Vietnam time, across the UTC day boundary', () => {
        // 2026-12-12 20:30 UTC is Sunday 13/12 03:30 in Vietnam.
        expect((0, vietnamese_days_1.formatVietnamDateTime)(new Date('2026-12-12T20:30:00Z'))).toBe('03:30, Chủ nhật 13/12/2026');
        // New Year's Eve in UTC is already New Year's Day in Vietnam.
        expect((0, vietnamese_days_1.formatVietnamDateTime)(new Date('2026-12-31T17:00:00Z'))).toBe('00:00, Thứ sáu 01/01/2027');
    });
});
//# sourceMappingURL=vietnamese-days.spec.js.map