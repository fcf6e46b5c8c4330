import type { MeetingActor, MeetingDetail, MeetingDocument } from '@phonghop/common';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { DocumentReaderModal } from './DocumentReaderModal';
import { DocumentsPanel } from './DocumentsPanel';

/** The documents on the meeting's page (before and after the session): list, upload, reader. */
export function MeetingDocuments({
  detail,
  actor,
}: {
  detail: MeetingDetail;
  actor: MeetingActor & { userId: string };
}) {
  const [open, setOpen] = useState<MeetingDocument | null>(null);
  const queryClient = useQueryClient();
  // The meeting page reads over REST (no room socket): while a version converts, read it again
  // every few seconds so "converting" turns into "ready" (or "failed") without a reload.
  const converting = detail.documents.some((d) => d.versions.some((v) => v.status === 'converting'));
  useEffect(() => {
    if (!converting) return;
    const timer = setInterval(
      () => void queryClient.invalidateQueries({ queryKey: ['meetings', 'detail', detail.meeting.id] }),
      3000,
    );
    return () => clearInterval(timer);
  }, [converting, queryClient, detail.meeting.id]);
  return (
    <>
      <DocumentsPanel
        meetingId={detail.meeting.id}
        status={detail.meeting.status}
        documents={detail.documents}
        agenda={detail.agenda}
        participants={detail.participants}
        actor={actor}
        onRead={setOpen}
      />
      {open && (
        <DocumentReaderModal
          meetingId={detail.meeting.id}
          document={detail.documents.find((d) => d.id === open.id) ?? open}
          onClose={() => setOpen(null)}
        />
      )}
    </>
  );
}
