import type {
  CreateDocumentNote,
  DocumentNote,
  DocumentNoteDeleted,
  DocumentNoteSaved,
  DocumentNotesList,
  UpdateDocumentNote,
} from '@phonghop/common';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { newIdempotencyKey } from '../../../lib/idempotency-key';
import { useSocket } from '../../realtime/state/socket-context';
import { documentNotesApi } from '../api/document-notes-api';
import { removeNote, upsertNote } from '../state/notes-state';

export const documentNotesKey = (documentId: string) => ['document-notes', documentId] as const;

/** What a new note or highlight needs (the hook makes its id). */
export type NewDocumentNote = Omit<CreateDocumentNote, 'id'>;

/**
 * The signed-in reader's private notes and highlights on one document, live on all their devices:
 * loaded over REST, then kept current by `documentNote.saved` / `documentNote.deleted`, which the
 * server sends to this user's own sockets only (refetched after a reconnect, since pushes may have
 * been missed while it was down).
 *
 * ```tsx
 * const notes = useDocumentNotes(meetingId, documentId);
 * notes.onPage(3);                                   // notes and highlights of page 3
 * await notes.create({ kind: 'note', page: 3, body: 'Cần làm rõ' });
 * ```
 */
export function useDocumentNotes(meetingId: string, documentId: string) {
  const queryClient = useQueryClient();
  const { socket } = useSocket();
  const key = documentNotesKey(documentId);

  const query = useQuery({
    queryKey: key,
    queryFn: () => documentNotesApi.notes(meetingId, documentId),
    staleTime: 60_000,
  });

  useEffect(() => {
    if (!socket) return;
    const set = (change: (list: DocumentNote[]) => DocumentNote[]) =>
      queryClient.setQueryData<DocumentNotesList>(documentNotesKey(documentId), (old) =>
        old ? { notes: change(old.notes) } : old,
      );
    const onSaved = ({ note }: DocumentNoteSaved) => {
      if (note.documentId === documentId) set((list) => upsertNote(list, note));
    };
    const onDeleted = (e: DocumentNoteDeleted) => {
      if (e.documentId === documentId) set((list) => removeNote(list, e.noteId));
    };
    const onReconnect = () => void queryClient.invalidateQueries({ queryKey: documentNotesKey(documentId) });
    socket.on('documentNote.saved', onSaved);
    socket.on('documentNote.deleted', onDeleted);
    socket.io.on('reconnect', onReconnect);
    return () => {
      socket.off('documentNote.saved', onSaved);
      socket.off('documentNote.deleted', onDeleted);
      socket.io.off('reconnect', onReconnect);
    };
  }, [socket, queryClient, documentId]);

  const apply = (change: (list: DocumentNote[]) => DocumentNote[]) =>
    queryClient.setQueryData<DocumentNotesList>(key, (old) => ({ notes: change(old?.notes ?? []) }));

  const create = useMutation({
    mutationFn: (note: NewDocumentNote) =>
      documentNotesApi.createNote(meetingId, documentId, { ...note, id: newIdempotencyKey() }),
    onSuccess: (note) => apply((list) => upsertNote(list, note)),
  });
  const update = useMutation({
    mutationFn: ({ noteId, changes }: { noteId: string; changes: UpdateDocumentNote }) =>
      documentNotesApi.updateNote(meetingId, documentId, noteId, changes),
    onSuccess: (note) => apply((list) => upsertNote(list, note)),
  });
  const remove = useMutation({
    mutationFn: (noteId: string) => documentNotesApi.deleteNote(meetingId, documentId, noteId),
    onSuccess: (_, noteId) => apply((list) => removeNote(list, noteId)),
  });

  const notes = useMemo(() => query.data?.notes ?? [], [query.data]);
  return {
    notes,
    /** Notes and highlights of one page, in the order they were made. */
    onPage: (page: number) => notes.filter((n) => n.page === page),
    isLoading: query.isLoading,
    error: query.error,
    create: create.mutateAsync,
    update: (noteId: string, changes: UpdateDocumentNote) => update.mutateAsync({ noteId, changes }),
    remove: remove.mutateAsync,
    busy: create.isPending || update.isPending || remove.isPending,
  };
}
