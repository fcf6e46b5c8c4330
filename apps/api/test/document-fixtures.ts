import type { DocumentAccessLevel, DocumentUploadResult, MeetingDocument } from '@phonghop/common';
import { PDFDocument } from 'pdf-lib';
import type { Person } from './meetings-kit';

/**
 * For the notes and comments tests (integration and e2e): a PDF document in a meeting, uploaded by
 * `uploader` (the secretary) through the documents module's real multipart route
 * (`POST /meetings/:id/documents`), with its access level and comment deadline.
 */
export async function addTestDocument(
  t: { url: string },
  uploader: Pick<Person, 'token'>,
  meetingId: string,
  options: {
    title: string;
    accessLevel?: DocumentAccessLevel;
    readerIds?: string[];
    commentDeadline?: string;
    pages?: number;
  },
): Promise<MeetingDocument> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < (options.pages ?? 3); i++) pdf.addPage([595, 842]);
  const bytes = Buffer.from(await pdf.save());
  const form = new FormData();
  form.append('title', options.title);
  form.append('kind', 'draft_resolution');
  form.append('accessLevel', options.accessLevel ?? 'all');
  if (options.readerIds) form.append('readerIds', JSON.stringify(options.readerIds));
  if (options.commentDeadline) form.append('commentDeadline', options.commentDeadline);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'du-thao.pdf');
  const res = await fetch(`${t.url}/api/v1/meetings/${meetingId}/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${uploader.token}` },
    body: form,
  });
  if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as DocumentUploadResult).document;
}
