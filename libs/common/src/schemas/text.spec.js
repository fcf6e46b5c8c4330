"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const meeting_events_1 = require("./meeting-events");
const meeting_events_2 = require("./meeting-events");
const meetings_1 = require("./meetings");
const agenda_1 = require("./agenda");
const identity_1 = require("./identity");
const notifications_1 = require("./notifications");
const text_1 = require("./text");
const meeting = {
    title: 'Họp Ban Chấp hành',
    kind: 'party_committee',
    startsAt: '2026-03-02T08:00:00+07:00',
    endsAt: '2026-03-02T10:00:00+07:00',
    location: 'Phòng họp tầng 2',
};
describe('text()', () => {
    const title = (0, text_1.text)({ min: 1, max: 20 });
    it('refuses NUL and other control characters with a clear message', () => {
        for (const bad of ['a\u0000b', 'a\u0007', 'line\nbreak', 'x\u009Fy']) {
            const r = title.safeParse(bad);
            expect(r.success).toBe(false);
            expect(r.error?.issues[0].message).toBe(text_1.TEXT_MESSAGES.control);
        }
    });
    it('refuses unpaired surrogates but keeps real astral characters', () => {
        for (const bad of ['a\uD800', '\uDC00b', 'x\uDBFF\uDBFFy']) {
            expect(title.safeParse(bad).error?.issues[0].message).toBe(text_1.TEXT_MESSAGES.surrogate);
        }
        expect(title.parse('Họp 📅')).toBe('Họp 📅');
    });
    it('normalises to NFC', () => {
        const decomposed = 'Ho\u0323p'; // "Họp" written as o + combining dot below
        expect(title.parse(decomposed)).toBe('Họp'.normalize('NFC'));
        expect(title.parse(decomposed)).toHaveLength(3);
    });
    it('strips zero-width and bidirectional control characters, then refuses what became empty', () => {
        expect(title.parse('Họp \u202Etxt.exe\u202C')).toBe('Họp txt.exe');
        expect(title.parse('\u2066a\u200Bb\u2069\uFEFF')).toBe('ab');
        expect(title.safeParse('\u200B').success).toBe(false);
        expect(title.safeParse(' \u200E\u200F ').success).toBe(false);
    });
    it('multiline text allows line breaks and tabs, not NUL', () => {
        const body = (0, text_1.text)({ max: 100, multiline: true });
        expect(body.parse('một\nhai\tba\r\n')).toBe('một\nhai\tba');
        expect(body.safeParse('a\u0000').success).toBe(false);
    });
});
describe('every text field of the contract refuses NUL and lone surrogates', () => {
    it.each([
        ['sign-in name', () => identity_1.LoginRequestSchema.safeParse({ username: 'admin\u0000', password: 'x' })],
        ['meeting title', () => meetings_1.CreateMeetingRequestSchema.safeParse({ ...meeting, title: 'Họp\uD800' })],
        [
            'meeting title of invisible characters',
            () => meetings_1.CreateMeetingRequestSchema.safeParse({ ...meeting, title: '\u200B' }),
        ],
        ['agenda title', () => agenda_1.AddAgendaItemFieldsSchema.safeParse({ title: 'Mục\u0000' })],
        [
            'decline reason',
            () => meetings_1.RespondInvitationRequestSchema.safeParse({ response: 'declined', reason: 'ốm\uDC00' }),
        ],
    ])('%s', (_, parse) => {
        expect(parse().success).toBe(false);
    });
});
describe('uuid()', () => {
    const upper = '6F9619FF-8B86-4011-B42D-00C04FC964FF';
    it('accepts any case and lower-cases', () => {
        expect((0, text_1.uuid)().parse(upper)).toBe(upper.toLowerCase());
        expect(meeting_events_1.MeetingJoinCommandSchema.parse({ meetingId: upper }).meetingId).toBe(upper.toLowerCase());
        expect(identity_1.UserIdParamSchema.parse({ id: upper }).id).toBe(upper.toLowerCase());
    });
    it('still refuses what is not a uuid', () => {
        expect((0, text_1.uuid)().safeParse('6F9619FF-8B86-4011-B42D-00C04FC964F').success).toBe(false);
    });
});
describe('saneDateTime()', () => {
    it('refuses dates before 2000 and after 2100', () => {
        expect((0, text_1.saneDateTime)().safeParse('1999-12-31T23:00:00Z').success).toBe(false);
        expect((0, text_1.saneDateTime)().safeParse('2101-01-01T00:00:00Z').success).toBe(false);
        expect((0, text_1.saneDateTime)().safeParse('2000-01-01T00:00:00Z').success).toBe(true);
        expect(meetings_1.CreateMeetingRequestSchema.safeParse({ ...meeting, startsAt: '0001-01-01T00:00:00Z' }).success).toBe(false);
    });
});
describe('queryInt()', () => {
    it('takes plain digits only', () => {
        const n = (0, text_1.queryInt)({ min: 0, max: 1000 });
        expect(n.parse('0')).toBe(0);
        expect(n.parse('16')).toBe(16);
        for (const bad of ['0x10', '', ' 5', '5 ', '05', '1e3', '-1', '+1', '1.5', '1001']) {
            expect(n.safeParse(bad).success).toBe(false);
        }
    });
    it('is what the query schemas use', () => {
        expect(meeting_events_2.MeetingEventsQuerySchema.safeParse({ sinceSeq: '0x10' }).success).toBe(false);
        expect(meeting_events_2.MeetingEventsQuerySchema.safeParse({ limit: '' }).success).toBe(false);
        expect(meeting_events_2.MeetingEventsQuerySchema.parse({})).toEqual({ sinceSeq: 0, limit: 1000 });
        expect(notifications_1.NotificationListQuerySchema.safeParse({ limit: ' 20' }).success).toBe(false);
    });
});
//# sourceMappingURL=text.spec.js.map