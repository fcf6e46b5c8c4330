import { z } from 'zod';
import { saneDateTime, text, uuid } from './text';

/*
 * Meeting documents (tài liệu họp): versioned files attached to a meeting or to one of its agenda
 * items. The bytes are stored once per SHA-256 in PostgreSQL (docs/documents.md); every version
 * keeps its original for the record and a PDF "reading copy" (the PDF sanitised, or the Office
 * file converted by LibreOffice and sanitised) from which readers' stamped copies are made.
 *
 * Who sees what: the snapshot's `documents` slice lists every live document's METADATA (title,
 * kind, access level, named readers, versions) to every participant of the meeting — the snapshot
 * is built once per seq and shared by every joining socket, so it cannot be per reader. The CONTENT
 * (reading copy, original, page images) is guarded on every content route by
 * `DocumentAccessService.canRead` on the server (`canReadDocument` below, the same rule the web uses
 * to show a lock).
 */

/** tờ trình, dự thảo nghị quyết, báo cáo, tài liệu tham khảo, khác. */
export const DOCUMENT_KINDS = ['proposal', 'draft_resolution', 'report', 'reference', 'other'] as const;
export const DocumentKindSchema = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

/**
 * - `all`: every participant of the meeting (guests included);
 * - `named`: the named readers only (plus the chair and the secretaries, who prepare the meeting);
 * - `confidential` ("Mật"): like `named`, and read in the app only — never downloaded as a file,
 *   every page view logged (served as server-rendered page images by the copies module).
 */
export const DOCUMENT_ACCESS_LEVELS = ['all', 'named', 'confidential'] as const;
export const DocumentAccessLevelSchema = z.enum(DOCUMENT_ACCESS_LEVELS);
export type DocumentAccessLevel = z.infer<typeof DocumentAccessLevelSchema>;

/** A version's reading copy: being converted (Office), ready, or failed (with the reason). */
export const DOCUMENT_VERSION_STATUSES = ['converting', 'ready', 'failed'] as const;
export const DocumentVersionStatusSchema = z.enum(DOCUMENT_VERSION_STATUSES);
export type DocumentVersionStatus = z.infer<typeof DocumentVersionStatusSchema>;

/**
 * Why a conversion failed (shown to the secretary, who uploads again or exports to PDF themself):
 * - `timeout`: LibreOffice took longer than DOCUMENT_CONVERT_TIMEOUT_MS;
 * - `converter_error`: LibreOffice exited with an error or produced no PDF (a damaged file);
 * - `unsafe_result`: the PDF it produced did not pass the hostile-PDF check (too big, too many pages);
 * - `interrupted`: the server stopped during the conversion (found on the next start).
 */
export const DOCUMENT_FAILURE_REASONS = [
  'timeout',
  'converter_error',
  'unsafe_result',
  'interrupted',
] as const;
export const DocumentFailureReasonSchema = z.enum(DOCUMENT_FAILURE_REASONS);
export type DocumentFailureReason = z.infer<typeof DocumentFailureReasonSchema>;

/** The media types accepted, decided from the bytes (never from the name or the browser's claim). */
export const DOCUMENT_MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
} as const;
export type DocumentFileKind = keyof typeof DOCUMENT_MEDIA_TYPES;
export const DocumentMediaTypeSchema = z.enum(Object.values(DOCUMENT_MEDIA_TYPES) as [string, ...string[]]);

/** What was removed from a PDF's reading copy (the original keeps everything, for the record). */
export const PDF_REMOVED_FEATURES = [
  'javascript',
  'open_action',
  'launch_action',
  'embedded_files',
  'forms',
  'annotation_actions',
] as const;
export const PdfRemovedFeatureSchema = z.enum(PDF_REMOVED_FEATURES);
export type PdfRemovedFeature = z.infer<typeof PdfRemovedFeatureSchema>;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const DocumentVersionSchema = z.object({
  id: uuid(),
  documentId: uuid(),
  /** 1, 2, 3 … per document. */
  number: z.number().int().positive(),
  /** The name it was uploaded with (path parts and invisible/bidi characters removed, NFC). */
  originalName: z.string(),
  /** Decided from the bytes. */
  mediaType: DocumentMediaTypeSchema,
  /** Bytes of the original. */
  size: z.number().int().nonnegative(),
  /** SHA-256 (hex) of the original: the key it is stored under. */
  sha256,
  status: DocumentVersionStatusSchema,
  /** Set when `failed`. */
  failureReason: DocumentFailureReasonSchema.nullable(),
  /** Pages of the reading copy, once `ready`. */
  pageCount: z.number().int().positive().nullable(),
  /** What the reading copy lost compared with the original (empty: nothing active was found). */
  removed: z.array(PdfRemovedFeatureSchema),
  uploadedById: uuid(),
  uploadedAt: z.iso.datetime(),
});
export type DocumentVersion = z.infer<typeof DocumentVersionSchema>;

export const MeetingDocumentSchema = z.object({
  id: uuid(),
  meetingId: uuid(),
  /** Null: a document of the whole meeting. */
  agendaItemId: uuid().nullable(),
  title: z.string(),
  kind: DocumentKindSchema,
  accessLevel: DocumentAccessLevelSchema,
  /** For `named` and `confidential`: who may read (participants). Empty for `all`. */
  readerIds: z.array(uuid()),
  /** Comments (góp ý dự thảo) are taken until this instant; null: no comments asked. */
  commentDeadline: z.iso.datetime().nullable(),
  /** The version readers get (the newest upload). */
  currentVersionId: uuid(),
  /** Every version, oldest first (old versions stay readable under the same access level). */
  versions: z.array(DocumentVersionSchema),
  createdById: uuid(),
  createdAt: z.iso.datetime(),
});
export type MeetingDocument = z.infer<typeof MeetingDocumentSchema>;

/** The documents slice of the meeting snapshot: live documents in the order they were added. */
export const DocumentsStateSchema = z.array(MeetingDocumentSchema);
export type DocumentsState = z.infer<typeof DocumentsStateSchema>;

// ---- REST ---------------------------------------------------------------------------------

export const DOCUMENT_TITLE_MAX = 300;
/** Named readers per document (a ward's committee is far smaller). */
export const DOCUMENT_READERS_MAX = 1000;

const readerIds = z.array(uuid()).max(DOCUMENT_READERS_MAX);

/**
 * POST /meetings/:meetingId/documents — a multipart/form-data body whose text fields come first and
 * whose one file part (`file`) comes LAST, so the fields are checked before any byte of the file is
 * stored. `readerIds` is sent as a JSON array in one field. Optional `Idempotency-Key` header.
 */
export const DocumentUploadFieldsSchema = z
  .strictObject({
    title: text({ min: 1, max: DOCUMENT_TITLE_MAX }),
    kind: DocumentKindSchema,
    agendaItemId: uuid().optional(),
    accessLevel: DocumentAccessLevelSchema,
    readerIds: readerIds.default([]),
    commentDeadline: saneDateTime().optional(),
  })
  .refine((f) => f.accessLevel !== 'all' || f.readerIds.length === 0, {
    path: ['readerIds'],
    message: 'named readers go with the access levels "named" and "confidential" only',
  });
export type DocumentUploadFields = z.infer<typeof DocumentUploadFieldsSchema>;

/** The multipart field that carries the file. */
export const DOCUMENT_FILE_FIELD = 'file';

/** POST …/documents and POST …/documents/:documentId/versions answer this (201). */
export const DocumentUploadResultSchema = z.object({
  document: MeetingDocumentSchema,
  version: DocumentVersionSchema,
  /** The seq of the event the upload appended (`document.added` or `document.versionAdded`). */
  seq: z.number().int().positive(),
});
export type DocumentUploadResult = z.infer<typeof DocumentUploadResultSchema>;

/** PATCH /meetings/:meetingId/documents/:documentId — any subset; null clears the item or deadline. */
export const DocumentUpdateRequestSchema = z
  .strictObject({
    title: text({ min: 1, max: DOCUMENT_TITLE_MAX }).optional(),
    kind: DocumentKindSchema.optional(),
    agendaItemId: uuid().nullable().optional(),
    accessLevel: DocumentAccessLevelSchema.optional(),
    readerIds: readerIds.optional(),
    commentDeadline: saneDateTime().nullable().optional(),
  })
  .refine((f) => Object.keys(f).length > 0, { message: 'nothing to change' });
export type DocumentUpdateRequest = z.infer<typeof DocumentUpdateRequestSchema>;

/** GET /meetings/:meetingId/documents — the same list the snapshot carries. */
export const DocumentListSchema = z.object({ documents: DocumentsStateSchema });
export type DocumentList = z.infer<typeof DocumentListSchema>;
