/**
 * CommentsReviewPanel — the secretary's (and chair's) view of every comment on one document, with
 * the export of "Tổng hợp góp ý" as a PDF.
 *
 * Usage (the secretary's document page, or a tab beside the reader for the chair):
 *   <CommentsReviewPanel meetingId={m} documentId={d} documentTitle="Dự thảo nghị quyết …" />
 * For anyone else the server answers only their own comments (scope `own`); this panel then shows
 * nothing and the export would be refused, so mount it only for the chair and the secretary.
 */
import { Badge, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useDocumentComments } from '../hooks/use-document-comments';
import { CommentCard, DeadlineLine } from './CommentsPanel';

export interface CommentsReviewPanelProps {
  meetingId: string;
  documentId: string;
  /** Used in the exported file's name. */
  documentTitle?: string;
}

export function CommentsReviewPanel({ meetingId, documentId, documentTitle }: CommentsReviewPanelProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const comments = useDocumentComments(meetingId, documentId);
  const [pageFilter, setPageFilter] = useState<string>('all');
  const [exporting, setExporting] = useState(false);
  if (comments.data?.scope !== 'all') return null;

  const active = comments.comments.filter((c) => c.withdrawnAt === null);
  const pages = [...new Set(comments.comments.map((c) => (c.page === null ? 'document' : String(c.page))))];
  const shown = comments.comments.filter(
    (c) => pageFilter === 'all' || (c.page === null ? 'document' : String(c.page)) === pageFilter,
  );
  const exportPdf = async () => {
    setExporting(true);
    try {
      const name = documentTitle
        ? `${t('documentNotes.comments.review')} - ${documentTitle}.pdf`
        : t('documentNotes.comments.exportFile');
      await comments.exportPdf(name);
    } catch (err) {
      notifications.show({ color: 'red', message: errorMessage(err) });
    } finally {
      setExporting(false);
    }
  };

  return (
    <Stack gap="sm" data-testid="comments-review">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Title order={3} size="h4">
            {t('documentNotes.comments.review')}
          </Title>
          <Badge variant="light" c="dark.7">
            {t('documentNotes.comments.count', { count: active.length })}
          </Badge>
        </Group>
        <Button
          leftSection={<IconFileTypePdf size={18} />}
          onClick={() => void exportPdf()}
          loading={exporting}
          data-testid="comments-export"
        >
          {t('documentNotes.comments.export')}
        </Button>
      </Group>
      <DeadlineLine deadline={comments.data.deadline} />
      {pages.length > 1 && (
        <Select
          label={t('documentNotes.comments.filterPage')}
          value={pageFilter}
          onChange={(v) => setPageFilter(v ?? 'all')}
          allowDeselect={false}
          data={[
            { value: 'all', label: t('documentNotes.comments.allComments') },
            ...pages.map((p) => ({
              value: p,
              label:
                p === 'document'
                  ? t('documentNotes.comments.wholeDocument')
                  : t('documentNotes.comments.onPage', { page: Number(p) }),
            })),
          ]}
        />
      )}
      {shown.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('documentNotes.comments.reviewNone')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {shown.map((c) => (
            <li key={c.id}>
              <CommentCard comment={c} showAuthor />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
