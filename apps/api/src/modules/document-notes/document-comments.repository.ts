import { Injectable } from '@nestjs/common';
import type { DocumentComment } from '@phonghop/common';
import { DataSource, EntityManager } from 'typeorm';

export interface NewComment {
  id: string;
  meetingId: string;
  documentId: string;
  authorId: string;
  page: number | null;
  body: string;
  bodySha256: string;
  createdAt: Date;
  createdSeq: number;
}

/** The comments on drafts, with their authors' names (read at list time). */
@Injectable()
export class DocumentCommentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, c: NewComment): Promise<void> {
    await manager.query(
      `INSERT INTO document_comments
         (id, meeting_id, document_id, author_id, page, body, body_sha256, created_at, created_seq)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [c.id, c.meetingId, c.documentId, c.authorId, c.page, c.body, c.bodySha256, c.createdAt, c.createdSeq],
    );
  }

  /** Comments on a document in the order they were made; only `authorId`'s when given. */
  async list(
    documentId: string,
    authorId: string | null,
    manager?: EntityManager,
  ): Promise<DocumentComment[]> {
    const rows: DocumentComment[] = await (manager ?? this.dataSource.manager).query(
      `SELECT ${COLUMNS} FROM document_comments c JOIN users u ON u.id = c.author_id
        WHERE c.document_id = $1 AND ($2::uuid IS NULL OR c.author_id = $2::uuid)
        ORDER BY c.created_seq, c.id`,
      [documentId, authorId],
    );
    return rows.map(toComment);
  }

  /** One comment of this document, locked for the withdrawal (the meeting's lock is held too). */
  async find(manager: EntityManager, documentId: string, commentId: string): Promise<DocumentComment | null> {
    const rows: DocumentComment[] = await manager.query(
      `SELECT ${COLUMNS} FROM document_comments c JOIN users u ON u.id = c.author_id
        WHERE c.document_id = $1 AND c.id = $2`,
      [documentId, commentId],
    );
    return rows[0] ? toComment(rows[0]) : null;
  }

  async withdraw(manager: EntityManager, commentId: string, at: Date): Promise<void> {
    await manager.query('UPDATE document_comments SET withdrawn_at = $2 WHERE id = $1', [commentId, at]);
  }
}

const COLUMNS = `c.id, c.document_id AS "documentId", c.page, c.author_id AS "authorId",
  u.full_name AS "authorName", c.body, c.created_at AS "createdAt", c.withdrawn_at AS "withdrawnAt"`;

function toComment(row: DocumentComment): DocumentComment {
  return {
    ...row,
    createdAt: new Date(row.createdAt).toISOString(),
    withdrawnAt: row.withdrawnAt === null ? null : new Date(row.withdrawnAt).toISOString(),
  };
}
