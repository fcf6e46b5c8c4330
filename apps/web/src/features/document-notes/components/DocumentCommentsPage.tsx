/**
 * DocumentCommentsPage — `/meetings/:meetingId/documents/:documentId/comments`: a document's comments
 * and the reader's private notes outside the reader (a phone, or the secretary's desk). The chair and
 * the secretary get the summary of everyone's comments with the PDF export above their own form.
 */
import { Alert, Anchor, Center, Loader, NumberInput, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { canSeeAllComments } from '@phonghop/common';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useMeetingActor } from '../../meetings/hooks/use-meeting-actor';
import { useMeeting } from '../../meetings/hooks/use-meetings';
import { CommentsPanel } from './CommentsPanel';
import { CommentsReviewPanel } from './CommentsReviewPanel';
import { NotesPanel } from './NotesPanel';

export function DocumentCommentsPage() {
  const { meetingId = '', documentId = '' } = useParams();
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const detail = useMeeting(meetingId);
  const actor = useMeetingActor(detail.data?.myRole);
  const [page, setPage] = useState(1);

  if (detail.isLoading) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (detail.error || !detail.data) {
    return <Alert color="red">{errorMessage(detail.error)}</Alert>;
  }
  const document = detail.data.documents.find((d) => d.id === documentId);
  const pageCount = document?.versions.find((v) => v.id === document.currentVersionId)?.pageCount ?? null;

  return (
    <Stack gap="md" maw={860} mx="auto" w="100%">
      <Anchor component={Link} to={`/meetings/${meetingId}`} size="sm">
        {t('documentNotes.page.back', { title: detail.data.meeting.title })}
      </Anchor>
      <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
        {document?.title ?? t('documentNotes.page.untitled')}
      </Title>
      <Tabs defaultValue="comments" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="comments">{t('documentNotes.page.commentsTab')}</Tabs.Tab>
          <Tabs.Tab value="notes">{t('documentNotes.page.notesTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="comments" pt="md">
          <Stack gap="lg">
            {canSeeAllComments(actor) && (
              <Paper withBorder p="md" radius="md">
                <CommentsReviewPanel
                  meetingId={meetingId}
                  documentId={documentId}
                  documentTitle={document?.title}
                />
              </Paper>
            )}
            <Paper withBorder p="md" radius="md">
              <CommentsPanel meetingId={meetingId} documentId={documentId} page={page} />
            </Paper>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="notes" pt="md">
          <Paper withBorder p="md" radius="md">
            <Stack gap="sm">
              <NumberInput
                label={t('documentNotes.page.pageLabel')}
                value={page}
                onChange={(v) => setPage(typeof v === 'number' && v >= 1 ? Math.floor(v) : 1)}
                min={1}
                max={pageCount ?? undefined}
                maw={200}
              />
              {pageCount !== null && (
                <Text size="xs" c="dimmed">
                  {t('documentNotes.page.pageCount', { count: pageCount })}
                </Text>
              )}
              <NotesPanel meetingId={meetingId} documentId={documentId} page={page} onGoToPage={setPage} />
            </Stack>
          </Paper>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
