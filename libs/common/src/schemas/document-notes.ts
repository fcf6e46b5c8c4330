import { z } from 'zod';
import { text, uuid } from './text';

/*
 * Two things a reader adds to a meeting document (docs/documents-notes.md):
 *
 * 1. Private notes and highlights (ghi chú riêng): one reader's, per page, kept on the server and
 *    pushed to that reader's own devices only (the socket room `user:<id>`). Never on the meeting
 *    log, never broadcast to the meeting room, and no route returns another person's notes — not
 *    even to an admin.
 * 2. Comments on drafts (góp ý dự thảo): part of the meeting's record. Each is a command on the
 *    meeting event log (`document.commented`, `document.commentWithdrawn`); the event carries who
 *    commented on which document and page and the SHA-256 of the text, not the text itself (the log
 *    reaches the whole room and the hall display; a draft may be for named participants only).
 */

// ---- private notes and highlights ---------------------------------------------------------

/** Highlight colours (the reader draws them translucent, so the text below stays readable). */
export const NOTE_COLORS = ['yellow', 'green', 'blue', 'pink', 'orange'] as const;
export const NoteColorSchema = z.enum(NOTE_COLORS);
export type NoteColor = z.infer<typeof NoteColorSchema>;

/** `note`: a text note on a page. `highlight`: marked rectangles on a page (and optionally a text). */
export const NOTE_KINDS = ['note', 'highlight'] as const;
export const NoteKindSchema = z.enum(NOTE_KINDS);
export type NoteKind = z.infer<typeof NoteKindSchema>;

const fraction = z.number().min(0).max(1);

/**
 * A rectangle in page-relative coordinates: (0, 0) is the page's top-left corner, (1, 1) its
 * bottom-right, whatever the zoom or the device. It must lie inside the page.
 */
export const NoteRectSchema = z
  .strictObject({ x: fraction, y: fraction, w: fraction.positive(), h: fraction.positive() })
  .refine((r) => r.x + r.w <= 1.000001 && r.y + r.h <= 1.000001, {
    message: 'the rectangle must lie inside the page',
  });
export type NoteRect = z.infer<typeof NoteRectSchema>;

/** A selection over several lines gives one rectangle per line. */
export const MAX_RECTS_PER_HIGHLIGHT = 64;
/** Per reader and document: plenty for a person, a ceiling for a script. */
export const MAX_NOTES_PER_DOCUMENT = 2000;
export const MAX_NOTE_BODY = 5000;
export const MAX_NOTE_QUOTE = 2000;
export const MAX_PAGE = 100_000;

const page = z.number().int().min(1).max(MAX_PAGE);
const noteBody = text({ min: 1, max: MAX_NOTE_BODY, multiline: true });
const quote = text({ min: 1, max: MAX_NOTE_QUOTE, multiline: true });
const rects = z.array(NoteRectSchema).min(1).max(MAX_RECTS_PER_HIGHLIGHT);

export const DocumentNoteSchema = z.object({
  id: uuid(),
  documentId: uuid(),
  /** 1-based page number. */
  page: z.number().int().positive(),
  kind: NoteKindSchema,
  /** The note's text; for a highlight an optional remark. */
  body: z.string().nullable(),
  /** Highlights only: the marked areas (empty for a note). */
  rects: z.array(NoteRectSchema),
  /** Highlights only (null for a note). */
  color: NoteColorSchema.nullable(),
  /** Highlights only, optional: the text that was selected. */
  quote: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type DocumentNote = z.infer<typeof DocumentNoteSchema>;

/**
 * POST …/notes. The client makes the id (a uuid): a retry after a lost answer sends the same id and
 * gets the same note back instead of a second one (a different note under an id already used is
 * CONFLICT).
 */
export const CreateDocumentNoteSchema = z
  .strictObject({
    id: uuid(),
    kind: NoteKindSchema,
    page,
    /** Required for a note; an optional remark on a highlight. */
    body: noteBody.optional(),
    /** Highlights only (required there). */
    rects: rects.optional(),
    /** Highlights only (required there). */
    color: NoteColorSchema.optional(),
    /** Highlights only, optional. */
    quote: quote.optional(),
  })
  .superRefine((n, ctx) => {
    if (n.kind === 'note') {
      if (n.body === undefined)
        ctx.addIssue({ code: 'custom', path: ['body'], message: 'a note needs its text' });
      for (const field of ['rects', 'color', 'quote'] as const) {
        if (n[field] !== undefined) {
          ctx.addIssue({ code: 'custom', path: [field], message: 'only a highlight has this field' });
        }
      }
    } else {
      if (n.rects === undefined)
        ctx.addIssue({ code: 'custom', path: ['rects'], message: 'a highlight needs rects' });
      if (n.color === undefined)
        ctx.addIssue({ code: 'custom', path: ['color'], message: 'a highlight needs a colour' });
    }
  });
export type CreateDocumentNote = z.infer<typeof CreateDocumentNoteSchema>;

/** PATCH …/notes/:noteId — the text (null clears a highlight's remark; a note needs its text), or colour. */
export const UpdateDocumentNoteSchema = z
  .strictObject({ body: noteBody.nullable().optional(), color: NoteColorSchema.optional() })
  .refine((u) => u.body !== undefined || u.color !== undefined, { message: 'nothing to change' });
export type UpdateDocumentNote = z.infer<typeof UpdateDocumentNoteSchema>;

export const DocumentNotesListSchema = z.object({ notes: z.array(DocumentNoteSchema) });
export type DocumentNotesList = z.infer<typeof DocumentNotesListSchema>;

/** Server → the reader's own sockets (room `user:<id>`): a note was created or changed on a device. */
export const DocumentNoteSavedSchema = z.object({ meetingId: uuid(), note: DocumentNoteSchema });
export type DocumentNoteSaved = z.infer<typeof DocumentNoteSavedSchema>;

/** Server → the reader's own sockets: a note was deleted on a device. */
export const DocumentNoteDeletedSchema = z.object({ meetingId: uuid(), documentId: uuid(), noteId: uuid() });
export type DocumentNoteDeleted = z.infer<typeof DocumentNoteDeletedSchema>;

// ---- comments on drafts (góp ý dự thảo) ---------------------------------------------------

export const MAX_COMMENT_BODY = 5000;

export const DocumentCommentSchema = z.object({
  id: uuid(),
  documentId: uuid(),
  /** Null: on the whole document. */
  page: z.number().int().positive().nullable(),
  authorId: uuid(),
  /** Filled for the views that list comments (the author's full name now). */
  authorName: z.string(),
  body: z.string(),
  createdAt: z.iso.datetime(),
  /** Set when the author withdrew it (before the deadline); kept for the record. */
  withdrawnAt: z.iso.datetime().nullable(),
});
export type DocumentComment = z.infer<typeof DocumentCommentSchema>;

/** POST …/comments (Idempotency-Key header: a retry acts once). */
export const CreateDocumentCommentSchema = z.strictObject({
  page: page.nullable().optional(),
  body: text({ min: 1, max: MAX_COMMENT_BODY, multiline: true }),
});
export type CreateDocumentComment = z.infer<typeof CreateDocumentCommentSchema>;

/**
 * GET …/comments. `scope`: `all` for the chair and the secretary (and system admins), `own` for
 * everyone else — the list holds only the caller's own comments. `deadline`: the document's comment
 * deadline (null: the document does not take comments); `open`: whether a comment would be accepted now, by
 * the server's clock; `serverTime`: that clock's reading.
 */
export const DocumentCommentsListSchema = z.object({
  documentId: uuid(),
  scope: z.enum(['all', 'own']),
  deadline: z.iso.datetime().nullable(),
  open: z.boolean(),
  serverTime: z.iso.datetime(),
  comments: z.array(DocumentCommentSchema),
});
export type DocumentCommentsList = z.infer<typeof DocumentCommentsListSchema>;

/** The comment as the log records it: no text (only its SHA-256), so the room learns nothing of it. */
export const LoggedDocumentCommentSchema = z.object({
  id: uuid(),
  documentId: uuid(),
  page: z.number().int().positive().nullable(),
  authorId: uuid(),
  createdAt: z.iso.datetime(),
  /** sha256 (hex) of the NFC text as stored: the record can prove the text was not changed later. */
  bodySha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type LoggedDocumentComment = z.infer<typeof LoggedDocumentCommentSchema>;

/** The comments slice of the meeting snapshot: how many comments (not withdrawn) each document has. */
export const DocumentCommentCountSchema = z.object({
  documentId: uuid(),
  count: z.number().int().nonnegative(),
});
export type DocumentCommentCount = z.infer<typeof DocumentCommentCountSchema>;
export const DocumentCommentsStateSchema = z.array(DocumentCommentCountSchema);
export type DocumentCommentsState = z.infer<typeof DocumentCommentsStateSchema>;
