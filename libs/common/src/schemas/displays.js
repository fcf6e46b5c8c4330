"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CreatedDisplaySchema = exports.CreateDisplayRequestSchema = exports.DisplayTokenSchema = exports.DISPLAY_TOKEN_HEADER = void 0;
exports.displayPath = displayPath;
const zod_1 = require("zod");
const text_1 = require("./text");
/*
 * Room displays (màn hình phòng họp): a hall's big screen signs in with a display token that an
 * admin created for one meeting. The token only watches: it may join its own meeting's room and
 * read the check-in QR code, nothing else. The server keeps only a hash of it.
 */
/** The HTTP header a display sends its token in (GET /displays/qr). */
exports.DISPLAY_TOKEN_HEADER = 'x-display-token';
exports.DisplayTokenSchema = zod_1.z.object({
    id: (0, text_1.uuid)(),
    meetingId: (0, text_1.uuid)(),
    /** What the admin called it ("Màn hình LED hội trường"). */
    label: zod_1.z.string().nullable(),
    createdAt: zod_1.z.string(),
    revokedAt: zod_1.z.string().nullable(),
});
exports.CreateDisplayRequestSchema = zod_1.z.strictObject({
    label: (0, text_1.text)({ max: 100 }).optional(),
});
/** The answer to creating one: the token is shown this once and never again. */
exports.CreatedDisplaySchema = zod_1.z.object({
    display: exports.DisplayTokenSchema,
    token: zod_1.z.string(),
    /** The display page's path with the token: `/display/<meetingId>?t=<token>`. */
    url: zod_1.z.string(),
});
/** The display page's path for a meeting and token. */
function displayPath(meetingId, token) {
    return `/display/${meetingId}?t=${encodeURIComponent(token)}`;
}
//# sourceMappingURL=displays.js.map