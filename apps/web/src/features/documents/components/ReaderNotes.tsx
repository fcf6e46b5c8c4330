import { Tabs } from '@mantine/core';
import type { MeetingDocument } from '@phonghop/common';
import { useTranslation } from 'react-i18next';
import { CommentsPanel } from '../../document-notes/components/CommentsPanel';
import { NotesPanel } from '../../document-notes/components/NotesPanel';
import classes from './DocumentReader.module.css';

/**
 * Beside the pages: the reader's private notes on the page they read (docs-notes' panel), and the
 * comments on the draft when the document asks for them (a comment deadline).
 */
export function ReaderNotes({
  meetingId,
  document,
  page,
  onGoToPage,
}: {
  meetingId: string;
  document: MeetingDocument;
  page: number;
  onGoToPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <aside className={classes.notesPanel} aria-label={t('reader.notes')} data-testid="reader-notes">
      {document.commentDeadline ? (
        <Tabs defaultValue="notes" keepMounted={false}>
          <Tabs.List grow mb="sm">
            <Tabs.Tab value="notes">{t('reader.myNotes')}</Tabs.Tab>
            <Tabs.Tab value="comments" data-testid="reader-comments-tab">
              {t('reader.comments')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="notes">
            <NotesPanel meetingId={meetingId} documentId={document.id} page={page} onGoToPage={onGoToPage} />
          </Tabs.Panel>
          <Tabs.Panel value="comments">
            <CommentsPanel meetingId={meetingId} documentId={document.id} page={page} />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <NotesPanel meetingId={meetingId} documentId={document.id} page={page} onGoToPage={onGoToPage} />
      )}
    </aside>
  );
}
