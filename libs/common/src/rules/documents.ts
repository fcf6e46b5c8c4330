import type { DocumentAccessLevel } from '../schemas/documents';
import type { MeetingStatus } from '../schemas/meetings';
import type { MeetingActor, RuleResult } from './meeting-lifecycle';

/*
 * Who may do what with a meeting's documents, as pure functions: the server enforces them on every
 * route (upload, change, remove, and the content routes of the copies module); the web uses them to
 * hide buttons and show a lock.
 */

const ALLOWED = { ok: true } as const;

/** Documents are prepared until the meeting ends; after that they are part of the record. */
export const DOCUMENT_EDITABLE_STATUSES: readonly MeetingStatus[] = ['draft', 'scheduled', 'live'];

/** The people who prepare and run a meeting; they read every document of it. */
const isPreparer = (a: MeetingActor) =>
  a.systemRole === 'admin' || a.meetingRole === 'secretary' || a.meetingRole === 'chair';

/** Upload, new version, change, remove: the secretary or the chair (or a system admin), until the meeting ends. */
export function checkManageDocuments(
  status: MeetingStatus,
  actor: MeetingActor,
): RuleResult<'MEETING_ROLE_REQUIRED' | 'MEETING_NOT_EDITABLE'> {
  if (!isPreparer(actor)) return { ok: false, code: 'MEETING_ROLE_REQUIRED' };
  if (!DOCUMENT_EDITABLE_STATUSES.includes(status)) return { ok: false, code: 'MEETING_NOT_EDITABLE' };
  return ALLOWED;
}

export interface DocumentAccessFacts {
  accessLevel: DocumentAccessLevel;
  readerIds: readonly string[];
}

/**
 * Whether a person may read a document's content (any version):
 * - the chair and the secretaries read everything (they prepare it); a system admin too, only for
 *   `all` documents unless named (administration is not a reason to read confidential papers);
 * - `all`: every participant, guests included;
 * - `named` and `confidential`: the named readers.
 */
export function canReadDocument(doc: DocumentAccessFacts, actor: MeetingActor & { userId: string }): boolean {
  if (actor.meetingRole === 'chair' || actor.meetingRole === 'secretary') return true;
  if (doc.accessLevel === 'all') return actor.meetingRole !== null || actor.systemRole === 'admin';
  return doc.readerIds.includes(actor.userId);
}

/** Whether the file (a stamped PDF) may leave the server: never for `confidential` ("Mật"). */
export function canDownloadDocument(
  doc: DocumentAccessFacts,
  actor: MeetingActor & { userId: string },
): boolean {
  return doc.accessLevel !== 'confidential' && canReadDocument(doc, actor);
}
