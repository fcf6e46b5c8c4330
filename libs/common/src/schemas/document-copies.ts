import { z } from 'zod';
import { text, uuid } from './text';

/*
 * Per-reader copies of meeting documents and leak tracing (docs/documents-copies.md). Every copy of
 * a document's content that the server hands out — the PDF a reader opens, a download, the page
 * images of a confidential document — is stamped for its reader with a copy code, and the code is
 * registered. A leaked file (or the code read off a photo of a page) then names the copy.
 */

/** How a copy left the server: opened in the reader, downloaded, or as page images (confidential). */
export const COPY_ROUTES = ['view', 'download', 'pages'] as const;
export const CopyRouteSchema = z.enum(COPY_ROUTES);
export type CopyRoute = z.infer<typeof CopyRouteSchema>;

/** A bare copy code: eight symbols of `347ACEFHKMNPRWXY` (printed `KAMX-4PWC`). */
export const CopyCodeSchema = z.string().regex(/^[347ACEFHKMNPRWXY]{8}$/);

/** One registered copy, as the leak trace reports it. */
export const IssuedCopySchema = z.object({
  code: CopyCodeSchema,
  meetingId: uuid(),
  meetingTitle: z.string(),
  documentId: uuid(),
  /** Null if the document was removed since (the copy stays registered). */
  documentTitle: z.string().nullable(),
  versionId: uuid(),
  versionNumber: z.number().int().positive().nullable(),
  readerId: uuid(),
  /** As printed on the copy. */
  readerName: z.string(),
  readerUnit: z.string().nullable(),
  readerUsername: z.string(),
  issuedAt: z.iso.datetime(),
  route: CopyRouteSchema,
});
export type IssuedCopy = z.infer<typeof IssuedCopySchema>;

/**
 * Where a code was found in a file: `text` and `geometry` are the two invisible marks in the
 * pages' content, `metadata` the document information, `visible` the watermark's printed code.
 */
export const LEAK_MARK_KINDS = ['text', 'geometry', 'metadata', 'visible'] as const;
export const LeakMarkKindSchema = z.enum(LEAK_MARK_KINDS);
export type LeakMarkKind = z.infer<typeof LeakMarkKindSchema>;

export const LeakMarkSchema = z.object({
  kind: LeakMarkKindSchema,
  code: CopyCodeSchema,
  /** 1-based pages it was found on (empty for `metadata`). */
  pages: z.array(z.number().int().positive()),
});
export type LeakMark = z.infer<typeof LeakMarkSchema>;

/**
 * - `identified`: every mark found names the same registered copy;
 * - `conflicting`: marks name different copies (someone mixed pages of several copies — all listed);
 * - `unregistered`: a well-formed code that no copy of this server has;
 * - `no_marks`: nothing found (not a copy from this system, or printed and scanned — then type
 *   the code printed on the page).
 */
export const LEAK_VERDICTS = ['identified', 'conflicting', 'unregistered', 'no_marks'] as const;
export const LeakVerdictSchema = z.enum(LEAK_VERDICTS);
export type LeakVerdict = z.infer<typeof LeakVerdictSchema>;

export const LeakTraceResultSchema = z.object({
  verdict: LeakVerdictSchema,
  marks: z.array(LeakMarkSchema),
  copies: z.array(IssuedCopySchema),
  /** Pages of the file examined (null when a code was typed). */
  pageCount: z.number().int().nonnegative().nullable(),
});
export type LeakTraceResult = z.infer<typeof LeakTraceResultSchema>;

/** POST /admin/leak-trace/code: a code as typed off a page (any case, dashes and spaces allowed). */
export const LeakTraceCodeRequestSchema = z.strictObject({
  code: text({ min: 1, max: 40 }),
});
export type LeakTraceCodeRequest = z.infer<typeof LeakTraceCodeRequestSchema>;
