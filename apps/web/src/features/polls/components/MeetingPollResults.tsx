import { Paper, Stack, Title } from '@mantine/core';
import type { MeetingDetail } from '@phonghop/common';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/hooks/use-session';
import { receiptsOf } from '../state/receipts';
import { PollResults } from './PollResults';

/** The meeting page's record of its votes: every published result, with the chart and the PDF. */
export function MeetingPollResults({ detail }: { detail: MeetingDetail }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const published = detail.polls.items.filter((p) => p.status === 'published');
  if (published.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md" mt="lg" data-testid="meeting-poll-results">
      <Title order={2} size="h4" mb="sm">
        {t('polls.recordTitle')}
      </Title>
      <Stack gap="sm">
        {published.map((poll) => (
          <PollResults
            key={poll.id}
            poll={poll}
            participants={detail.participants}
            myReceipts={receiptsOf(poll, user?.id ?? '')}
          />
        ))}
      </Stack>
    </Paper>
  );
}
