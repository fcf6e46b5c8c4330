import { Injectable } from '@nestjs/common';
import type { DocumentNote, NoteColor } from '@phonghop/common';
import { DataSource } from 'typeorm';
import { DocumentNoteEntity } from './document-note.entity';

/** What a new note holds (the id is the client's). */
export type NewNote = Omit<DocumentNote, 'createdAt' | 'updatedAt'>;

/**
 * Every query of a reader's notes. Each one takes the reader's id and filters by it: there is no
 * query here that reads notes of someone else, so no route can return them.
 */
@Injectable()
export class DocumentNotesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(userId: string, documentId: string): Promise<DocumentNote[]> {
    const rows = await this.dataSource.getRepository(DocumentNoteEntity).find({
      where: { userId, documentId },
      order: { page: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map(toNote);
  }

  count(userId: string, documentId: string): Promise<number> {
    return this.dataSource.getRepository(DocumentNoteEntity).count({ where: { userId, documentId } });
  }

  /** Inserts the note; null when its id is already taken (a retry, or a clash). */
  async insert(userId: string, meetingId: string, note: NewNote, at: Date): Promise<DocumentNote | null> {
    const rows: DocumentNoteEntity[] = await this.dataSource.query(
      `INSERT INTO document_notes
         (id, user_id, meeting_id, document_id, page, kind, body, rects, color, quote, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $11)
       ON CONFLICT (id) DO NOTHING
       RETURNING ${COLUMNS}`,
      [
        note.id,
        userId,
        meetingId,
        note.documentId,
        note.page,
        note.kind,
        note.body,
        JSON.stringify(note.rects),
        note.color,
        note.quote,
        at,
      ],
    );
    return rows[0] ? toNote(rows[0]) : null;
  }

  /** The caller's note with this id on this document, or null. */
  async findOwn(userId: string, documentId: string, noteId: string): Promise<DocumentNote | null> {
    const row = await this.dataSource
      .getRepository(DocumentNoteEntity)
      .findOne({ where: { id: noteId, userId, documentId } });
    return row ? toNote(row) : null;
  }

  async update(
    userId: string,
    documentId: string,
    noteId: string,
    changes: { body?: string | null; color?: NoteColor },
    at: Date,
  ): Promise<DocumentNote | null> {
    const rows: [DocumentNoteEntity[], number] = await this.dataSource.query(
      `UPDATE document_notes
          SET body = CASE WHEN $4::boolean THEN $5::text ELSE body END,
              color = COALESCE($6::varchar, color),
              updated_at = $7
        WHERE id = $1 AND user_id = $2 AND document_id = $3
        RETURNING ${COLUMNS}`,
      [
        noteId,
        userId,
        documentId,
        changes.body !== undefined,
        changes.body ?? null,
        changes.color ?? null,
        at,
      ],
    );
    const row = rows[0][0];
    return row ? toNote(row) : null;
  }

  async delete(userId: string, documentId: string, noteId: string): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(DocumentNoteEntity)
      .delete({ id: noteId, userId, documentId });
    return (result.affected ?? 0) > 0;
  }
}

const COLUMNS = `id, document_id AS "documentId", page, kind, body, rects, color, quote,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

function toNote(row: Pick<DocumentNoteEntity, keyof DocumentNoteEntity & keyof DocumentNote>): DocumentNote {
  return {
    id: row.id,
    documentId: row.documentId,
    page: row.page,
    kind: row.kind,
    body: row.body,
    rects: row.rects,
    color: row.color,
    quote: row.quote,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}
