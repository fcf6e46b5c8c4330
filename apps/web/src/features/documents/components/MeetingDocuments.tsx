import type { MeetingActor, MeetingDetail, MeetingDocument } from '@phonghop/common';
import { useState } from 'react';
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
