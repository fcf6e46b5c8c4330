"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ATTENDANCE_COMMANDS = void 0;
exports.ATTENDANCE_COMMANDS = [
    'attendance.checkIn',
    'attendance.mark',
    'attendance.setProxy',
    'attendance.configure',
];
//# sourceMappingURL=attendance.js.map