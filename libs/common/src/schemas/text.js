"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TEXT_MESSAGES = void 0;
exports.safeString = safeString;
exports.text = text;
exports.uuid = uuid;
exports.saneDateTime = saneDateTime;
exports.queryInt = queryInt;
const zod_1 = require("zod");
/*
 * The building blocks every schema uses for what people type and for ids, so that no text that
 * PostgreSQL or a reader would choke on gets past the contract (REST and socket alike).
 */
/** Zero-width characters, bidirectional embeddings/overrides/isolates and the BOM: invisible, and able to disguise a title ("Họp ‮txt.exe‬"). */
const INVISIBLE_FORMAT_CHARS = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
/** C0 and C1 control characters, NUL included (PostgreSQL refuses NUL in text: it was a 500). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u001F\u007F-\u009F]/;
/** The same, but tab, line feed and carriage return are allowed (descriptions, reasons). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS_MULTILINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one (not valid UTF-8 either). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
exports.TEXT_MESSAGES = {
    control: 'must not contain NUL or other control characters',
    surrogate: 'must not contain an unpaired UTF-16 surrogate',
};
/** Refuses NUL, control characters and lone surrogates; nothing else. For raw values (search terms). */
function safeString() {
    return zod_1.z
        .string()
        .refine((s) => !CONTROL_CHARS.test(s), { message: exports.TEXT_MESSAGES.control, abort: true })
        .refine((s) => !LONE_SURROGATE.test(s), { message: exports.TEXT_MESSAGES.surrogate, abort: true });
}
/**
 * Text a person typed: refuses NUL/control characters and lone surrogates (VALIDATION_FAILED with
 * a detail), normalises to NFC (one way to write "ệ", so search and uniqueness work), removes
 * zero-width and bidirectional control characters, trims, then checks the length — so a title of
 * only invisible characters is refused as empty.
 */
function text({ min = 0, max, multiline = false }) {
    const control = multiline ? CONTROL_CHARS_MULTILINE : CONTROL_CHARS;
    return zod_1.z
        .string()
        .refine((s) => !control.test(s), { message: exports.TEXT_MESSAGES.control, abort: true })
        .refine((s) => !LONE_SURROGATE.test(s), { message: exports.TEXT_MESSAGES.surrogate, abort: true })
        .normalize('NFC')
        .overwrite((s) => s.replace(INVISIBLE_FORMAT_CHARS, ''))
        .trim()
        .min(min)
        .max(max);
}
/**
 * A uuid in any case, lower-cased: ids are compared as text in room names and maps, so
 * `6F96…` and `6f96…` must be the same id everywhere (an upper-case `meeting.join` once joined a
 * room no event was sent to).
 */
function uuid() {
    return zod_1.z.uuid().toLowerCase();
}
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
/** An ISO date-time with an offset, between the years 2000 and 2100 (anything else is a typo or a probe). */
function saneDateTime() {
    return zod_1.z.iso.datetime({ offset: true }).refine((s) => {
        const year = new Date(s).getUTCFullYear();
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }, { message: `must be between the years ${MIN_YEAR} and ${MAX_YEAR}` });
}
/**
 * A whole number in a query string, parsed strictly: digits only, no sign, no padding, no leading
 * zeros, no `0x10`/`1e3`, not empty (`z.coerce.number()` took all of those).
 */
function queryInt({ min, max }) {
    return zod_1.z
        .string()
        .regex(/^(0|[1-9][0-9]{0,15})$/, 'must be a whole number written in digits')
        .transform(Number)
        .pipe(zod_1.z.number().int().min(min).max(max));
}
//# sourceMappingURL=text.js.map