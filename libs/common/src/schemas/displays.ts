import { z } from 'zod';
import { text, uuid } from './text';

/*
 * Room displays (màn hình phòng họp): a hall's big screen signs in with a display token that an
 * admin created for one meeting. The token only watches: it may join its own meeting's room and
 * read the check-in QR code, nothing else. The server keeps only a hash of it.
 */

/** The HTTP header a display sends its token in (GET /displays/qr). */
export const DISPLAY_TOKEN_HEADER = 'x-display-token';

export const DisplayTokenSchema = z.object({
  id: uuid(),
  meetingId: uuid(),
  /** What the admin called it ("Màn hình LED hội trường"). */
  label: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type DisplayToken = z.infer<typeof DisplayTokenSchema>;

export const CreateDisplayRequestSchema = z.strictObject({
  label: text({ max: 100 }).optional(),
});
export type CreateDisplayRequest = z.infer<typeof CreateDisplayRequestSchema>;

/** The answer to creating one: the token is shown this once and never again. */
export const CreatedDisplaySchema = z.object({
  display: DisplayTokenSchema,
  token: z.string(),
  /** The display page's path with the token: `/display/<meetingId>?t=<token>`. */
  url: z.string(),
});
export type CreatedDisplay = z.infer<typeof CreatedDisplaySchema>;

/** The display page's path for a meeting and token. */
export function displayPath(meetingId: string, token: string): string {
  return `/display/${meetingId}?t=${encodeURIComponent(token)}`;
}
