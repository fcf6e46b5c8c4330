"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SessionExpiredSchema = exports.AuthRenewResultSchema = exports.AuthRenewCommandSchema = void 0;
const zod_1 = require("zod");
/** `auth.renew`: a fresh access token (from POST /auth/refresh) for the open socket. */
exports.AuthRenewCommandSchema = zod_1.z.strictObject({
    token: zod_1.z.string().min(1).max(4096),
});
exports.AuthRenewResultSchema = zod_1.z.object({
    /** When the socket's new token expires (ISO time); renew again before then. */
    expiresAt: zod_1.z.string(),
});
/** `session.expired`: the socket's access token expired; it is closed next. Refresh and reconnect. */
exports.SessionExpiredSchema = zod_1.z.object({ reason: zod_1.z.literal('token_expired') });
//# sourceMappingURL=socket-session.js.map