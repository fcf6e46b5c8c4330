import { Alert, Center, Loader, Stack, Text } from '@mantine/core';
import type { MeetingListQuery } from '@phonghop/common';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useMeetingList } from '../hooks/use-meetings';
import { MeetingCard } from './MeetingCard';

interface MeetingListProps {
  scope: NonNullable<MeetingListQuery['scope']>;
  /** Search words (diacritics optional); empty for all. */
  q?: string;
}

export function MeetingList({ scope, q = '' }: MeetingListProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const meetings = useMeetingList(q ? { scope, q } : { scope });

  if (meetings.isPending) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  if (meetings.error) return <Alert color="red">{errorMessage(meetings.error)}</Alert>;
  const items = meetings.data.items;
  if (items.length === 0) {
    return (
      <Text c="dimmed" ta="center" py="xl" data-testid="meetings-empty">
        {q ? t('meetings.searchEmpty', { q }) : t(`meetings.empty.${scope}`)}
      </Text>
    );
  }
  return (
    <Stack gap="sm" data-testid="meeting-list">
      {items.map((meeting) => (
        <MeetingCard key={meeting.id} meeting={meeting} />
      ))}
    </Stack>
  );
}
