import { z } from 'zod';
import { IdempotencyKeySchema } from './meetings';
import { uuid } from './text';

/*
 * Follow the presenter (trình chiếu tài liệu): the presenter or the chair shows one version of a
 * meeting document at a page; every participant who follows sees that page. The state is only what
 * is shown now; the meeting log keeps who showed what, when (docs/events/document.present.md).
 */

/** A page number within a document (1-based). 10,000 is the upload limit on pages. */
export const PageNumberSchema = z.number().int().min(1).max(10_000);

/** What is being presented now. */
export const PresentationSchema = z.object({
  documentId: uuid(),
  versionId: uuid(),
  page: PageNumberSchema,
  /** Who presents (turns the pages): whoever gave `document.present`. */
  presenterId: uuid(),
  startedAt: z.iso.datetime(),
  /** When the page shown was last changed (equals startedAt until the first turn). */
  pageAt: z.iso.datetime(),
});
export type Presentation = z.infer<typeof PresentationSchema>;

/** The `presentation` slice of the meeting snapshot: null while nothing is presented. */
export const PresentationStateSchema = PresentationSchema.nullable();
export type PresentationState = z.infer<typeof PresentationStateSchema>;

const Base = z.strictObject({ meetingId: uuid(), idempotencyKey: IdempotencyKeySchema });

// ---- commands -----------------------------------------------------------------------------

/** Start presenting a document version at a page (replaces whatever was presented). */
export const DocumentPresentCommandSchema = Base.extend({
  documentId: uuid(),
  versionId: uuid(),
  page: PageNumberSchema.default(1),
});
export type DocumentPresentCommand = z.input<typeof DocumentPresentCommandSchema>;

/** Show another page of the document being presented. */
export const DocumentTurnPageCommandSchema = Base.extend({ page: PageNumberSchema });
export type DocumentTurnPageCommand = z.infer<typeof DocumentTurnPageCommandSchema>;

/** Stop presenting. */
export const DocumentStopPresentingCommandSchema = Base;
export type DocumentStopPresentingCommand = z.infer<typeof DocumentStopPresentingCommandSchema>;
