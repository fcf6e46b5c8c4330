"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SPEAKER_COMMANDS = void 0;
exports.SPEAKER_COMMANDS = [
    'speaker.request',
    'speaker.add',
    'speaker.withdraw',
    'speaker.remove',
    'speaker.reorder',
    'speaker.grant',
    'speaker.end',
    'speaker.configure',
];
//# sourceMappingURL=speakers.js.map