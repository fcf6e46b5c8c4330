import type { CreateDocumentComment, MeetingEvent } from '@phonghop/common';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useSocket } from '../../realtime/state/socket-context';
import { documentNotesApi } from '../api/document-notes-api';

export const documentCommentsKey = (documentId: string) => ['document-comments', documentId] as const;

/**
 * Comments on a draft (góp ý dự thảo): the list the caller may see (`scope` `all` for the chair and
 * the secretary, `own` for everyone else), the deadline and whether comments are open now (by the
 * server's clock), and the commands. When the socket is in the meeting room, a `document.commented`
 * or `document.commentWithdrawn` event of this document refreshes the list (the event carries no
 * text; the list is read again over REST, with the caller's own access).
 *
 * ```tsx
 * const comments = useDocumentComments(meetingId, documentId);
 * await comments.comment({ page: 2, body: 'Đề nghị sửa điều 5' });
 * ```
 */
export function useDocumentComments(meetingId: string, documentId: string) {
  const queryClient = useQueryClient();
  const { socket } = useSocket();
  const key = documentCommentsKey(documentId);

  const query = useQuery({
    queryKey: key,
    queryFn: () => documentNotesApi.comments(meetingId, documentId),
    staleTime: 30_000,
    // Outside the meeting room (no `meeting.event`s) the secretary's list still catches up.
    refetchInterval: 60_000,
  });

  useEffect(() => {
    if (!socket) return;
    const onEvent = (e: MeetingEvent) => {
      const about =
        e.type === 'document.commented'
          ? e.payload.comment.documentId
          : e.type === 'document.commentWithdrawn'
            ? e.payload.documentId
            : null;
      if (about === documentId)
        void queryClient.invalidateQueries({ queryKey: documentCommentsKey(documentId) });
    };
    const onEvents = (events: MeetingEvent[]) => events.forEach(onEvent);
    socket.on('meeting.event', onEvent);
    socket.on('meeting.events', onEvents);
    return () => {
      socket.off('meeting.event', onEvent);
      socket.off('meeting.events', onEvents);
    };
  }, [socket, queryClient, documentId]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const comment = useMutation({
    mutationFn: (c: CreateDocumentComment) => documentNotesApi.comment(meetingId, documentId, c),
    onSuccess: refresh,
  });
  const withdraw = useMutation({
    mutationFn: (commentId: string) => documentNotesApi.withdrawComment(meetingId, documentId, commentId),
    onSuccess: refresh,
  });

  return {
    data: query.data,
    /** When the last answer arrived (ms): with its `serverTime`, the offset to the server's clock. */
    receivedAt: query.dataUpdatedAt,
    refresh,
    comments: query.data?.comments ?? [],
    isLoading: query.isLoading,
    error: query.error,
    comment: comment.mutateAsync,
    withdraw: withdraw.mutateAsync,
    busy: comment.isPending || withdraw.isPending,
    exportPdf: (fileName: string) => documentNotesApi.exportComments(meetingId, documentId, fileName),
  };
}
