import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DocumentAccessLevel } from '@phonghop/common';
import type { DataSource } from 'typeorm';
import { DocumentStorageService } from '../../documents/document-storage.service';
import { DocumentVersionEntity } from '../../documents/document-version.entity';
import { MeetingDocumentEntity } from '../../documents/meeting-document.entity';

/**
 * Tests only: puts a ready PDF document (or a new version of one) straight into storage and the
 * documents tables, as an upload that passed every check leaves it — so the copies module's
 * routes can be tested on their own. (The upload itself and its event are docs-store's and
 * tested there.)
 */
export async function seedDocument(
  dataSource: DataSource,
  storage: DocumentStorageService,
  o: {
    meetingId: string;
    createdById: string;
    title: string;
    accessLevel: DocumentAccessLevel;
    readerIds?: string[];
    pdf: Uint8Array;
    pageCount: number;
    /** Adds a version to this document instead of creating one. */
    documentId?: string;
  },
): Promise<{ documentId: string; versionId: string }> {
  const sha256 = createHash('sha256').update(o.pdf).digest('hex');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'seed-doc-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    await fs.writeFile(file, o.pdf);
    await storage.putFile(file, sha256, o.pdf.byteLength);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  const documentId = o.documentId ?? randomUUID();
  const versionId = randomUUID();
  const now = new Date();
  await dataSource.transaction(async (m) => {
    const docs = m.getRepository(MeetingDocumentEntity);
    let number = 1;
    if (o.documentId) {
      number = (await m.getRepository(DocumentVersionEntity).count({ where: { documentId } })) + 1;
      await docs.update({ id: documentId }, { currentVersionId: versionId });
    } else {
      await docs.insert({
        id: documentId,
        meetingId: o.meetingId,
        agendaItemId: null,
        title: o.title,
        kind: 'draft_resolution',
        accessLevel: o.accessLevel,
        readerIds: o.readerIds ?? [],
        commentDeadline: null,
        currentVersionId: versionId,
        createdById: o.createdById,
        createdAt: now,
        createdSeq: 1,
        removedAt: null,
      });
    }
    await m.getRepository(DocumentVersionEntity).insert({
      id: versionId,
      documentId,
      meetingId: o.meetingId,
      number,
      originalName: `${o.title}.pdf`,
      mediaType: 'application/pdf',
      size: o.pdf.byteLength,
      sha256,
      readingSha256: sha256,
      pageCount: o.pageCount,
      status: 'ready',
      failureReason: null,
      removed: [],
      uploadedById: o.createdById,
      uploadedAt: now,
    });
  });
  return { documentId, versionId };
}
