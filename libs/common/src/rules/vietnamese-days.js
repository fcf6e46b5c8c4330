"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.VI_WEEKDAYS_SHORT = exports.VI_WEEKDAYS = void 0;
exports.formatVietnamDateTime = formatVietnamDateTime;
/**
 * Day names written one way everywhere (web, calendar, e-mail): sentence case as in Vietnamese
 * administrative writing, "Chủ nhật", "Thứ hai" … — not dayjs's "chủ nhật" nor Intl's "Chủ Nhật".
 * Index 0 is Sunday, as in `Date#getDay()` and dayjs.
 */
exports.VI_WEEKDAYS = [
    'Chủ nhật',
    'Thứ hai',
    'Thứ ba',
    'Thứ tư',
    'Thứ năm',
    'Thứ sáu',
    'Thứ bảy',
];
/** Short forms for calendar headers: "CN", "T2" … "T7". */
exports.VI_WEEKDAYS_SHORT = ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'];
const VN_OFFSET_MS = 7 * 3_600_000; // Vietnam has no daylight saving time
/** "08:00, Thứ hai 07/12/2026" on Vietnam time, for texts written on the server (e-mails). */
function formatVietnamDateTime(instant) {
    const local = new Date(instant.getTime() + VN_OFFSET_MS);
    const two = (n) => String(n).padStart(2, '0');
    return (`${two(local.getUTCHours())}:${two(local.getUTCMinutes())}, ${exports.VI_WEEKDAYS[local.getUTCDay()]} ` +
        `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`);
}
//# sourceMappingURL=vietnamese-days.js.map