import { Injectable } from '@nestjs/common';
import type { DocumentCommentsState } from '@phonghop/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The comments slice of the meeting snapshot: per document, how many comments are not withdrawn.
 * Kept apart from the rest of the module (only a DataSource) so the meetings core can read it
 * without depending on the documents.
 */
@Injectable()
export class DocumentCommentCountsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async state(meetingId: string, manager?: EntityManager): Promise<DocumentCommentsState> {
    const rows: { document_id: string; count: number }[] = await (manager ?? this.dataSource.manager).query(
      `SELECT document_id, count(*)::int AS count FROM document_comments
        WHERE meeting_id = $1 AND withdrawn_at IS NULL
        GROUP BY document_id ORDER BY document_id`,
      [meetingId],
    );
    return rows.map((r) => ({ documentId: r.document_id, count: r.count }));
  }
}
