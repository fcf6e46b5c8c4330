import type { DocumentAccessLevel, MeetingDocument } from '@phonghop/common';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { DataSource } from 'typeorm';
import type { TestApp } from './test-app';
import { DocumentStorageService } from '../src/modules/documents/document-storage.service';
import { DocumentsRepository } from '../src/modules/documents/documents.repository';

/**
 * For the notes and comments tests: a ready PDF document in a meeting, stored through the documents
 * module's own storage and repository (the upload route is docs-store's and is tested there; these
 * tests need a document, not an upload).
 */
export async function addTestDocument(
  t: TestApp,
  options: {
    meetingId: string;
    uploaderId: string;
    title: string;
    accessLevel?: DocumentAccessLevel;
    readerIds?: string[];
    commentDeadline?: string | null;
    pages?: number;
  },
): Promise<MeetingDocument> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < (options.pages ?? 3); i++) pdf.addPage([595, 842]);
  const bytes = Buffer.from(await pdf.save());
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const dir = await mkdtemp(path.join(tmpdir(), 'notes-fixture-'));
  try {
    const file = path.join(dir, 'tai-lieu.pdf');
    await writeFile(file, bytes);
    await t.app.get(DocumentStorageService).putFile(file, sha256, bytes.length);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const id = randomUUID();
  const at = new Date().toISOString();
  const version = {
    id: randomUUID(),
    documentId: id,
    number: 1,
    originalName: 'tai-lieu.pdf',
    mediaType: 'application/pdf',
    size: bytes.length,
    sha256,
    status: 'ready' as const,
    failureReason: null,
    pageCount: options.pages ?? 3,
    removed: [],
    uploadedById: options.uploaderId,
    uploadedAt: at,
  };
  const document: MeetingDocument = {
    id,
    meetingId: options.meetingId,
    agendaItemId: null,
    title: options.title,
    kind: 'draft_resolution',
    accessLevel: options.accessLevel ?? 'all',
    readerIds: options.readerIds ?? [],
    commentDeadline: options.commentDeadline ?? null,
    currentVersionId: version.id,
    versions: [version],
    createdById: options.uploaderId,
    createdAt: at,
  };
  const repo = t.app.get(DocumentsRepository);
  await t.app.get(DataSource).transaction(async (manager) => {
    await repo.insertDocument(manager, document, 0);
    await repo.insertVersion(manager, options.meetingId, version, sha256);
  });
  return document;
}
