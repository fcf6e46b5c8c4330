import { Injectable } from '@nestjs/common';
import type { DocumentVersion, DocumentsState, MeetingDocument } from '@phonghop/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { DocumentVersionEntity } from './document-version.entity';
import { MeetingDocumentEntity } from './meeting-document.entity';

/** A version with the storage keys the contract does not carry. */
export interface StoredVersion extends DocumentVersion {
  meetingId: string;
  readingSha256: string | null;
}

/** Queries of documents and versions (metadata; the bytes are DocumentStorageService's). Plain objects out. */
@Injectable()
export class DocumentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** The snapshot slice: live documents in the order they were added, each with every version. */
  async state(meetingId: string, manager?: EntityManager): Promise<DocumentsState> {
    const m = this.m(manager);
    const docs = await m
      .getRepository(MeetingDocumentEntity)
      .find({ where: { meetingId, removedAt: IsNull() }, order: { createdSeq: 'ASC' } });
    if (docs.length === 0) return [];
    const versions = await m.getRepository(DocumentVersionEntity).find({
      where: { documentId: In(docs.map((d) => d.id)) },
      order: { number: 'ASC' },
    });
    return docs.map((d) =>
      toDocument(
        d,
        versions.filter((v) => v.documentId === d.id),
      ),
    );
  }

  /** A live document of this meeting with its versions, or null. */
  async find(
    meetingId: string,
    documentId: string,
    manager?: EntityManager,
  ): Promise<MeetingDocument | null> {
    const m = this.m(manager);
    const doc = await m
      .getRepository(MeetingDocumentEntity)
      .findOne({ where: { id: documentId, meetingId, removedAt: IsNull() } });
    if (!doc) return null;
    const versions = await m
      .getRepository(DocumentVersionEntity)
      .find({ where: { documentId }, order: { number: 'ASC' } });
    return toDocument(doc, versions);
  }

  /** A version with its storage keys, or null. */
  async version(versionId: string, manager?: EntityManager): Promise<StoredVersion | null> {
    const v = await this.m(manager)
      .getRepository(DocumentVersionEntity)
      .findOne({ where: { id: versionId } });
    return v ? toStoredVersion(v) : null;
  }

  async insertDocument(manager: EntityManager, doc: MeetingDocument, seq: number): Promise<void> {
    await manager.getRepository(MeetingDocumentEntity).insert({
      id: doc.id,
      meetingId: doc.meetingId,
      agendaItemId: doc.agendaItemId,
      title: doc.title,
      kind: doc.kind,
      accessLevel: doc.accessLevel,
      readerIds: doc.readerIds,
      commentDeadline: doc.commentDeadline ? new Date(doc.commentDeadline) : null,
      currentVersionId: doc.currentVersionId,
      createdById: doc.createdById,
      createdAt: new Date(doc.createdAt),
      createdSeq: seq,
      removedAt: null,
    });
  }

  async insertVersion(
    manager: EntityManager,
    meetingId: string,
    version: DocumentVersion,
    readingSha256: string | null,
  ): Promise<void> {
    await manager.getRepository(DocumentVersionEntity).insert({
      ...version,
      meetingId,
      readingSha256,
      uploadedAt: new Date(version.uploadedAt),
    });
  }

  async setCurrentVersion(manager: EntityManager, documentId: string, versionId: string): Promise<void> {
    await manager
      .getRepository(MeetingDocumentEntity)
      .update({ id: documentId }, { currentVersionId: versionId });
  }

  async nextVersionNumber(manager: EntityManager, documentId: string): Promise<number> {
    const rows: { n: number }[] = await manager.query(
      'SELECT COALESCE(MAX(number), 0) + 1 AS n FROM document_versions WHERE document_id = $1',
      [documentId],
    );
    return Number(rows[0].n);
  }

  async updateDocument(
    manager: EntityManager,
    documentId: string,
    changes: Partial<
      Pick<
        MeetingDocument,
        'title' | 'kind' | 'agendaItemId' | 'accessLevel' | 'readerIds' | 'commentDeadline'
      >
    >,
  ): Promise<void> {
    const { commentDeadline, ...rest } = changes;
    await manager.getRepository(MeetingDocumentEntity).update(
      { id: documentId },
      {
        ...rest,
        ...(commentDeadline !== undefined
          ? { commentDeadline: commentDeadline ? new Date(commentDeadline) : null }
          : {}),
      },
    );
  }

  async markRemoved(manager: EntityManager, documentId: string, at: Date): Promise<void> {
    await manager.getRepository(MeetingDocumentEntity).update({ id: documentId }, { removedAt: at });
  }

  async setVersionOutcome(
    manager: EntityManager,
    versionId: string,
    outcome: Pick<StoredVersion, 'status' | 'failureReason' | 'pageCount' | 'removed' | 'readingSha256'>,
  ): Promise<void> {
    await manager.getRepository(DocumentVersionEntity).update({ id: versionId }, outcome);
  }

  /** Versions still `converting` (found at start-up: their conversion died with the process). */
  async converting(manager?: EntityManager): Promise<StoredVersion[]> {
    const rows = await this.m(manager)
      .getRepository(DocumentVersionEntity)
      .find({ where: { status: 'converting' } });
    return rows.map(toStoredVersion);
  }

  /** Which of these users take part in the meeting. */
  async participantIds(meetingId: string, userIds: string[], manager?: EntityManager): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows: { user_id: string }[] = await this.m(manager).query(
      'SELECT user_id FROM meeting_participants WHERE meeting_id = $1 AND user_id = ANY($2::uuid[])',
      [meetingId, userIds],
    );
    return rows.map((r) => r.user_id);
  }

  async agendaItemExists(meetingId: string, itemId: string, manager?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await this.m(manager).query(
      'SELECT 1 FROM agenda_items WHERE meeting_id = $1 AND id = $2',
      [meetingId, itemId],
    );
    return rows.length > 0;
  }
}

export function toVersion(v: DocumentVersionEntity): DocumentVersion {
  return {
    id: v.id,
    documentId: v.documentId,
    number: v.number,
    originalName: v.originalName,
    mediaType: v.mediaType,
    size: v.size,
    sha256: v.sha256,
    status: v.status,
    failureReason: v.failureReason,
    pageCount: v.pageCount,
    removed: v.removed,
    uploadedById: v.uploadedById,
    uploadedAt: v.uploadedAt.toISOString(),
  };
}

function toStoredVersion(v: DocumentVersionEntity): StoredVersion {
  return { ...toVersion(v), meetingId: v.meetingId, readingSha256: v.readingSha256 };
}

function toDocument(d: MeetingDocumentEntity, versions: DocumentVersionEntity[]): MeetingDocument {
  return {
    id: d.id,
    meetingId: d.meetingId,
    agendaItemId: d.agendaItemId,
    title: d.title,
    kind: d.kind,
    accessLevel: d.accessLevel,
    readerIds: d.readerIds,
    commentDeadline: d.commentDeadline ? d.commentDeadline.toISOString() : null,
    currentVersionId: d.currentVersionId,
    versions: versions.map(toVersion),
    createdById: d.createdById,
    createdAt: d.createdAt.toISOString(),
  };
}
