/**
 * CommentsPanel — comments on a draft (góp ý dự thảo) for a participant.
 *
 * Usage (beside the reader):
 *   <CommentsPanel meetingId={m} documentId={d} page={currentPage} />
 * Shows the deadline (server time), a form to comment on the whole document or on `page`, and the
 * caller's own comments with "withdraw" while comments are open. After the deadline the form is
 * replaced by the "closed" notice (the server refuses late comments with COMMENT_DEADLINE_PASSED).
 * The chair and the secretary use CommentsReviewPanel to read everyone's.
 */
import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { MAX_COMMENT_BODY, type DocumentComment } from '@phonghop/common';
import { IconClock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/time';
import { useSession } from '../../auth/hooks/use-session';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useNow } from '../../../lib/use-now';
import { useDocumentComments } from '../hooks/use-document-comments';

export interface CommentsPanelProps {
  meetingId: string;
  documentId: string;
  /** The page the reader shows now (1-based), offered as "comment on this page". */
  page?: number;
}

export function CommentsPanel({ meetingId, documentId, page }: CommentsPanelProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const comments = useDocumentComments(meetingId, documentId);
  const [where, setWhere] = useState<'document' | 'page'>('document');
  const [body, setBody] = useState('');
  const open = useCommentsOpen(comments.data, comments.receivedAt);
  const myId = useSession().user?.id;
  // The chair and the secretary get everyone's comments; this panel lists the caller's own.
  const mine = comments.comments.filter((c) => c.authorId === myId);

  const send = async () => {
    const text = body.trim();
    if (!text) return;
    try {
      await comments.comment({ body: text, page: where === 'page' && page ? page : null });
      setBody('');
      notifications.show({ color: 'green', message: t('documentNotes.comments.sent') });
    } catch (err) {
      notifications.show({ color: 'red', message: errorMessage(err) });
      // A refusal for the deadline: read the state again, the form then shows "closed".
      void comments.refresh();
    }
  };
  const withdraw = async (c: DocumentComment) => {
    if (!window.confirm(t('documentNotes.comments.withdrawConfirm'))) return;
    try {
      await comments.withdraw(c.id);
    } catch (err) {
      notifications.show({ color: 'red', message: errorMessage(err) });
    }
  };

  return (
    <Stack gap="sm" data-testid="comments-panel">
      <Title order={3} size="h4">
        {t('documentNotes.comments.title')}
      </Title>
      <DeadlineLine deadline={comments.data?.deadline ?? null} />
      {comments.data && !open
        ? // No deadline: the line above already says the document takes no comments.
          comments.data.deadline !== null && (
            <Alert color="gray" variant="light" data-testid="comments-closed">
              <Text size="sm" c="dark.7">
                {t('documentNotes.comments.closed')}
              </Text>
            </Alert>
          )
        : comments.data && (
            <Stack gap="xs">
              {page !== undefined && (
                <SegmentedControl
                  size="xs"
                  aria-label={t('documentNotes.comments.where')}
                  value={where}
                  onChange={(v) => setWhere(v as 'document' | 'page')}
                  data={[
                    { value: 'document', label: t('documentNotes.comments.wholeDocument') },
                    { value: 'page', label: t('documentNotes.comments.onPage', { page }) },
                  ]}
                />
              )}
              <Textarea
                label={t('documentNotes.comments.bodyLabel')}
                placeholder={t('documentNotes.comments.placeholder')}
                value={body}
                onChange={(e) => setBody(e.currentTarget.value)}
                maxLength={MAX_COMMENT_BODY}
                autosize
                minRows={3}
                maxRows={8}
              />
              <Group justify="flex-end">
                <Button onClick={() => void send()} disabled={!body.trim()} loading={comments.busy}>
                  {t('documentNotes.comments.send')}
                </Button>
              </Group>
            </Stack>
          )}
      {comments.data?.scope === 'own' && (
        <Text size="xs" c="dimmed">
          {t('documentNotes.comments.ownOnly')}
        </Text>
      )}
      <Title order={4} size="h5">
        {t('documentNotes.comments.mine')}
      </Title>
      {mine.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('documentNotes.comments.none')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {mine.map((c) => (
            <li key={c.id}>
              <CommentCard
                comment={c}
                onWithdraw={open && !c.withdrawnAt ? () => void withdraw(c) : undefined}
              />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/**
 * Whether comments are open now by the server's clock: the answer's `serverTime` against the moment
 * it arrived gives the offset, so a tablet with a wrong clock still closes the form on time.
 */
export function useCommentsOpen(
  data: { open: boolean; deadline: string | null; serverTime: string } | undefined,
  receivedAt: number,
): boolean {
  const now = useNow(5_000);
  if (!data || !data.open) return false;
  if (data.deadline === null) return false;
  const offset = Date.parse(data.serverTime) - receivedAt;
  return now.getTime() + offset < Date.parse(data.deadline);
}

export function DeadlineLine({ deadline }: { deadline: string | null }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <IconClock size={16} aria-hidden />
      <Text size="sm" fw={500} data-testid="comments-deadline">
        {deadline
          ? t('documentNotes.comments.deadline', { time: formatDateTime(deadline) })
          : t('documentNotes.comments.noDeadline')}
      </Text>
    </Group>
  );
}

export function CommentCard({
  comment,
  showAuthor = false,
  onWithdraw,
}: {
  comment: DocumentComment;
  showAuthor?: boolean;
  onWithdraw?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      data-testid="comment-card"
      style={comment.withdrawnAt ? { opacity: 0.85 } : undefined}
    >
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap="xs" wrap="wrap">
          {showAuthor && (
            <Text size="sm" fw={600}>
              {comment.authorName}
            </Text>
          )}
          <Badge variant="light" c="dark.7">
            {comment.page === null
              ? t('documentNotes.comments.wholeDocument')
              : t('documentNotes.comments.onPage', { page: comment.page })}
          </Badge>
          <Text size="xs" c="dimmed">
            {t('documentNotes.comments.sentAt', { time: formatDateTime(comment.createdAt) })}
          </Text>
        </Group>
        {onWithdraw && (
          <Button variant="subtle" color="red" size="compact-sm" onClick={onWithdraw}>
            {t('documentNotes.comments.withdraw')}
          </Button>
        )}
      </Group>
      <Text
        size="sm"
        mt={6}
        td={comment.withdrawnAt ? 'line-through' : undefined}
        style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
      >
        {comment.body}
      </Text>
      {comment.withdrawnAt && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('documentNotes.comments.withdrawn', { time: formatDateTime(comment.withdrawnAt) })}
        </Text>
      )}
    </Paper>
  );
}
