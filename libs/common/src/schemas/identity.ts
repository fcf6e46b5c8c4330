import { z } from 'zod';
import { safeString, text, uuid } from './text';

export const SYSTEM_ROLES = ['admin', 'member'] as const;
export const SystemRoleSchema = z.enum(SYSTEM_ROLES);
export type SystemRole = z.infer<typeof SystemRoleSchema>;

export const UsernameSchema = z
  .string()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lowercase letters, digits, dot, dash, underscore');
/** New passwords only (sign-in takes any string, so old passwords keep working). */
export const PasswordSchema = safeString().min(8).max(200);

export const UserSchema = z.object({
  id: uuid(),
  username: z.string(),
  fullName: z.string(),
  title: z.string(),
  unit: z.string(),
  // Bounded (as in the database): a bare `z.string().nullable()` is documented as an array by
  // nestjs-zod 5.5 with zod >= 4.5 (nestjs-zod issue #473).
  email: z.string().max(200).nullable(),
  phone: z.string().max(20).nullable(),
  active: z.boolean(),
  systemRole: SystemRoleSchema,
  /** May create and prepare meetings (thư ký); a system admin always may. */
  canOrganise: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type User = z.infer<typeof UserSchema>;

/** Whether this account may create meetings: organisers (thư ký) and system admins. */
export function mayOrganise(user: Pick<User, 'systemRole' | 'canOrganise'>): boolean {
  return user.systemRole === 'admin' || user.canOrganise;
}

/** What other people see of a user (directory, participant lists). */
export const UserSummarySchema = UserSchema.pick({
  id: true,
  username: true,
  fullName: true,
  title: true,
  unit: true,
});
export type UserSummary = z.infer<typeof UserSummarySchema>;

export const LoginRequestSchema = z.strictObject({
  username: text({ min: 1, max: 64 }),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const LoginResponseSchema = z.object({
  accessToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int(),
  user: UserSchema,
});
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

const optionalText = (max: number) => text({ max });

export const CreateUserRequestSchema = z.strictObject({
  username: UsernameSchema,
  fullName: text({ min: 1, max: 120 }),
  title: optionalText(120).default(''),
  unit: optionalText(160).default(''),
  email: z.email().max(200).nullable().optional(),
  phone: z
    .string()
    .regex(/^[0-9+ .-]{6,20}$/)
    .nullable()
    .optional(),
  systemRole: SystemRoleSchema.default('member'),
  canOrganise: z.boolean().default(false),
  password: PasswordSchema,
});
export type CreateUserRequest = z.input<typeof CreateUserRequestSchema>;

export const UpdateUserRequestSchema = z.strictObject({
  fullName: text({ min: 1, max: 120 }).optional(),
  title: optionalText(120).optional(),
  unit: optionalText(160).optional(),
  email: z.email().max(200).nullable().optional(),
  phone: z
    .string()
    .regex(/^[0-9+ .-]{6,20}$/)
    .nullable()
    .optional(),
  systemRole: SystemRoleSchema.optional(),
  active: z.boolean().optional(),
  canOrganise: z.boolean().optional(),
});
export type UpdateUserRequest = z.infer<typeof UpdateUserRequestSchema>;

export const ResetPasswordRequestSchema = z.strictObject({
  password: PasswordSchema,
});
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequestSchema>;

export const UserListQuerySchema = z.strictObject({
  q: text({ max: 100 }).optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});
export type UserListQuery = z.infer<typeof UserListQuerySchema>;

export const UserListResponseSchema = z.object({ items: z.array(UserSchema) });
export type UserListResponse = z.infer<typeof UserListResponseSchema>;

/** `GET /users/directory?q=`: any signed-in user looks up active people (e.g. to invite them). */
export const UserDirectoryQuerySchema = z.strictObject({
  q: text({ max: 100 }).optional(),
});
export type UserDirectoryQuery = z.infer<typeof UserDirectoryQuerySchema>;

export const UserDirectoryResponseSchema = z.object({ items: z.array(UserSummarySchema) });
export type UserDirectoryResponse = z.infer<typeof UserDirectoryResponseSchema>;

/** The `:id` of `/users/:id…` routes. */
export const UserIdParamSchema = z.strictObject({ id: uuid() });
export type UserIdParam = z.infer<typeof UserIdParamSchema>;

/** `POST /auth/refresh` answers like a sign-in: a fresh access token and the user. */
export const RefreshResponseSchema = LoginResponseSchema;
export type RefreshResponse = LoginResponse;

/** Claims of an access token. `sid` is the refresh session it was issued from. */
export interface AccessTokenClaims {
  sub: string;
  sid: string;
  role: SystemRole;
}
