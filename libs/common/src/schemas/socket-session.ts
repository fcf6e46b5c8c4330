import { z } from 'zod';

/** `auth.renew`: a fresh access token (from POST /auth/refresh) for the open socket. */
export const AuthRenewCommandSchema = z.strictObject({
  token: z.string().min(1).max(4096),
});
export type AuthRenewCommand = z.infer<typeof AuthRenewCommandSchema>;

export const AuthRenewResultSchema = z.object({
  /** When the socket's new token expires (ISO time); renew again before then. */
  expiresAt: z.string(),
});
export type AuthRenewResult = z.infer<typeof AuthRenewResultSchema>;

/** `session.expired`: the socket's access token expired; it is closed next. Refresh and reconnect. */
export const SessionExpiredSchema = z.object({ reason: z.literal('token_expired') });
export type SessionExpired = z.infer<typeof SessionExpiredSchema>;
