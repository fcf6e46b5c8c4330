import { Injectable } from '@nestjs/common';
import type { CopyRoute } from '@phonghop/common';
import { DataSource, EntityManager } from 'typeorm';
import { DocumentCopyEntity } from './document-copy.entity';

export interface CopyReader {
  fullName: string;
  unit: string | null;
}

/** Queries of the copy registry. Plain objects out. */
@Injectable()
export class DocumentCopiesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** What is printed on a copy: the reader's name and unit (empty unit → none). */
  async reader(userId: string): Promise<CopyReader> {
    const rows: { full_name: string; unit: string }[] = await this.dataSource.query(
      'SELECT full_name, unit FROM users WHERE id = $1',
      [userId],
    );
    return { fullName: rows[0]?.full_name ?? '', unit: rows[0]?.unit?.trim() || null };
  }

  async meetingTitle(meetingId: string): Promise<string> {
    const rows: { title: string }[] = await this.dataSource.query(
      'SELECT title FROM meetings WHERE id = $1',
      [meetingId],
    );
    return rows[0]?.title ?? '';
  }

  /** The newest copy of this route issued to the reader for the version since `since`, if any. */
  async recent(
    versionId: string,
    readerId: string,
    route: CopyRoute,
    since: Date,
  ): Promise<DocumentCopyEntity | null> {
    return this.dataSource
      .getRepository(DocumentCopyEntity)
      .findOne({
        where: { versionId, readerId, route },
        order: { issuedAt: 'DESC' },
      })
      .then((copy) => (copy && copy.issuedAt >= since ? copy : null));
  }

  async insert(manager: EntityManager, copy: DocumentCopyEntity): Promise<void> {
    await manager.getRepository(DocumentCopyEntity).insert(copy);
  }
}
