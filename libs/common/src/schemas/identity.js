"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RefreshResponseSchema = exports.UserIdParamSchema = exports.UserDirectoryResponseSchema = exports.UserDirectoryQuerySchema = exports.UserListResponseSchema = exports.UserListQuerySchema = exports.ResetPasswordRequestSchema = exports.UpdateUserRequestSchema = exports.CreateUserRequestSchema = exports.LoginResponseSchema = exports.LoginRequestSchema = exports.UserSummarySchema = exports.UserSchema = exports.PasswordSchema = exports.UsernameSchema = exports.SystemRoleSchema = exports.SYSTEM_ROLES = void 0;
exports.mayOrganise = mayOrganise;
const zod_1 = require("zod");
const text_1 = require("./text");
exports.SYSTEM_ROLES = ['admin', 'member'];
exports.SystemRoleSchema = zod_1.z.enum(exports.SYSTEM_ROLES);
exports.UsernameSchema = zod_1.z
    .string()
    .min(3)
    .max(64)
    .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lowercase letters, digits, dot, dash, underscore');
/** New passwords only (sign-in takes any string, so old passwords keep working). */
exports.PasswordSchema = (0, text_1.safeString)().min(8).max(200);
exports.UserSchema = zod_1.z.object({
    id: (0, text_1.uuid)(),
    username: zod_1.z.string(),
    fullName: zod_1.z.string(),
    title: zod_1.z.string(),
    unit: zod_1.z.string(),
    // Bounded (as in the database): a bare `z.string().nullable()` is documented as an array by
    // nestjs-zod 5.5 with zod >= 4.5 (nestjs-zod issue #473).
    email: zod_1.z.string().max(200).nullable(),
    phone: zod_1.z.string().max(20).nullable(),
    active: zod_1.z.boolean(),
    systemRole: exports.SystemRoleSchema,
    /** May create and prepare meetings (thư ký); a system admin always may. */
    canOrganise: zod_1.z.boolean(),
    createdAt: zod_1.z.iso.datetime(),
});
/** Whether this account may create meetings: organisers (thư ký) and system admins. */
function mayOrganise(user) {
    return user.systemRole === 'admin' || user.canOrganise;
}
/** What other people see of a user (directory, participant lists). */
exports.UserSummarySchema = exports.UserSchema.pick({
    id: true,
    username: true,
    fullName: true,
    title: true,
    unit: true,
});
exports.LoginRequestSchema = zod_1.z.strictObject({
    username: (0, text_1.text)({ min: 1, max: 64 }),
    password: zod_1.z.string().min(1).max(200),
});
exports.LoginResponseSchema = zod_1.z.object({
    accessToken: zod_1.z.string(),
    /** Seconds until the access token expires. */
    expiresIn: zod_1.z.number().int(),
    user: exports.UserSchema,
});
const optionalText = (max) => (0, text_1.text)({ max });
exports.CreateUserRequestSchema = zod_1.z.strictObject({
    username: exports.UsernameSchema,
    fullName: (0, text_1.text)({ min: 1, max: 120 }),
    title: optionalText(120).default(''),
    unit: optionalText(160).default(''),
    email: zod_1.z.email().max(200).nullable().optional(),
    phone: zod_1.z
        .string()
        .regex(/^[0-9+ .-]{6,20}$/)
        .nullable()
        .optional(),
    systemRole: exports.SystemRoleSchema.default('member'),
    canOrganise: zod_1.z.boolean().default(false),
    password: exports.PasswordSchema,
});
exports.UpdateUserRequestSchema = zod_1.z.strictObject({
    fullName: (0, text_1.text)({ min: 1, max: 120 }).optional(),
    title: optionalText(120).optional(),
    unit: optionalText(160).optional(),
    email: zod_1.z.email().max(200).nullable().optional(),
    phone: zod_1.z
        .string()
        .regex(/^[0-9+ .-]{6,20}$/)
        .nullable()
        .optional(),
    systemRole: exports.SystemRoleSchema.optional(),
    active: zod_1.z.boolean().optional(),
    canOrganise: zod_1.z.boolean().optional(),
});
exports.ResetPasswordRequestSchema = zod_1.z.strictObject({
    password: exports.PasswordSchema,
});
exports.UserListQuerySchema = zod_1.z.strictObject({
    q: (0, text_1.text)({ max: 100 }).optional(),
    includeInactive: zod_1.z.enum(['true', 'false']).optional(),
});
exports.UserListResponseSchema = zod_1.z.object({ items: zod_1.z.array(exports.UserSchema) });
/** `GET /users/directory?q=`: any signed-in user looks up active people (e.g. to invite them). */
exports.UserDirectoryQuerySchema = zod_1.z.strictObject({
    q: (0, text_1.text)({ max: 100 }).optional(),
});
exports.UserDirectoryResponseSchema = zod_1.z.object({ items: zod_1.z.array(exports.UserSummarySchema) });
/** The `:id` of `/users/:id…` routes. */
exports.UserIdParamSchema = zod_1.z.strictObject({ id: (0, text_1.uuid)() });
/** `POST /auth/refresh` answers like a sign-in: a fresh access token and the user. */
exports.RefreshResponseSchema = exports.LoginResponseSchema;
//# sourceMappingURL=identity.js.map