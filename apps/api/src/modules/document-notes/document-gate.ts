import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user';
import { DocumentAccessService } from '../documents/document-access.service';

/** What notes and comments need to know of a document the caller may read. */
export interface GatedDocument {
  id: string;
  meetingId: string;
  title: string;
  /** Comments are accepted until this instant; null: the document does not take comments. */
  commentDeadline: Date | null;
}

/**
 * The one place this module asks the documents module whether a person may read a document
 * (`DocumentAccessService.openForReading`: the meeting role from the database, the document's
 * access level and named readers). Notes and comments never decide access themselves: a person who
 * may not read the document gets exactly the documents module's refusal (MEETING_NOT_FOUND,
 * DOCUMENT_NOT_FOUND, DOCUMENT_NOT_READABLE).
 */
@Injectable()
export class DocumentGate {
  constructor(private readonly documents: DocumentAccessService) {}

  async readable(
    user: AuthUser,
    meetingId: string,
    documentId: string,
    command: string,
  ): Promise<GatedDocument> {
    const { document } = await this.documents.openForReading(user, meetingId, documentId, undefined, command);
    return {
      id: document.id,
      meetingId,
      title: document.title,
      commentDeadline: document.commentDeadline ? new Date(document.commentDeadline) : null,
    };
  }
}
