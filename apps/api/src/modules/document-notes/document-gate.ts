import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';

/** What notes and comments need to know of a document the caller may read. */
export interface GatedDocument {
  id: string;
  meetingId: string;
  title: string;
  /** Comments are accepted until this instant; null: until the meeting ends. */
  commentDeadline: Date | null;
}

/**
 * The one place this module asks the documents module (docs-store) whether a person may read a
 * document. Notes and comments never decide access themselves: a person who may not read the
 * document gets exactly the documents module's refusal.
 */
@Injectable()
export class DocumentGate {
  async readable(
    user: AuthUser,
    meetingId: string,
    documentId: string,
    manager?: EntityManager,
  ): Promise<GatedDocument> {
    void user;
    void manager;
    // Replaced by the documents module's access check once its contract is merged.
    return { id: documentId, meetingId, title: '', commentDeadline: null };
  }
}
