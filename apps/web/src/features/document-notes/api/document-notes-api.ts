import {
  DocumentCommentSchema,
  DocumentCommentsListSchema,
  DocumentNoteSchema,
  DocumentNotesListSchema,
  type CreateDocumentComment,
  type CreateDocumentNote,
  type UpdateDocumentNote,
} from '@phonghop/common';
import { api } from '../../../lib/api-client';
import { errorFromResponse } from '../../../lib/api-error';
import { safeFetch, session } from '../../../lib/session';

const base = (meetingId: string, documentId: string) => `/meetings/${meetingId}/documents/${documentId}`;

/** Private notes (only ever the caller's own) and comments on drafts, over REST. */
export const documentNotesApi = {
  notes: (meetingId: string, documentId: string) =>
    api.get(`${base(meetingId, documentId)}/notes`, { schema: DocumentNotesListSchema }),
  /** The id is the client's: a retry sends the same one and gets the same note. */
  createNote: (meetingId: string, documentId: string, note: CreateDocumentNote) =>
    // `idempotent`: a lost answer is retried with the same body, hence the same id (one note).
    api.post(`${base(meetingId, documentId)}/notes`, {
      body: note,
      schema: DocumentNoteSchema,
      idempotent: true,
    }),
  updateNote: (meetingId: string, documentId: string, noteId: string, changes: UpdateDocumentNote) =>
    api.patch(`${base(meetingId, documentId)}/notes/${noteId}`, {
      body: changes,
      schema: DocumentNoteSchema,
    }),
  deleteNote: (meetingId: string, documentId: string, noteId: string) =>
    api.delete(`${base(meetingId, documentId)}/notes/${noteId}`),

  comments: (meetingId: string, documentId: string) =>
    api.get(`${base(meetingId, documentId)}/comments`, { schema: DocumentCommentsListSchema }),
  comment: (meetingId: string, documentId: string, comment: CreateDocumentComment) =>
    api.post(`${base(meetingId, documentId)}/comments`, {
      body: comment,
      schema: DocumentCommentSchema,
      idempotent: true,
    }),
  withdrawComment: (meetingId: string, documentId: string, commentId: string) =>
    api.post(`${base(meetingId, documentId)}/comments/${commentId}/withdraw`, {
      schema: DocumentCommentSchema,
      idempotent: true,
    }),

  /** Downloads "Tổng hợp góp ý" (PDF) with the session's token and hands it to the browser. */
  async exportComments(meetingId: string, documentId: string, fileName: string): Promise<void> {
    const url = `/api/v1${base(meetingId, documentId)}/comments/export`;
    const send = (token: string | null) =>
      safeFetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    let res = await send(await session.freshToken());
    if (res.status === 401 && (await session.refresh())) res = await send(session.token);
    if (!res.ok) throw await errorFromResponse(res);
    const blob = await res.blob();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  },
};
