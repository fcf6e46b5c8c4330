"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MEETING_SERVER_EVENTS = exports.MEETING_COMMANDS = void 0;
/** The names, for code that needs them as values (no event name typed twice as a string). */
exports.MEETING_COMMANDS = [
    'meeting.join',
    'meeting.leave',
    'meeting.start',
    'meeting.end',
    'agenda.setCurrent',
    'agenda.add',
    'agenda.update',
    'agenda.reorder',
    'agenda.remove',
    'meeting.handOver',
];
exports.MEETING_SERVER_EVENTS = [
    'meeting.event',
    'presence.changed',
    'notification.created',
];
//# sourceMappingURL=meetings.js.map