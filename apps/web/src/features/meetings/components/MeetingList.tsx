import { Alert, Center, Loader, Stack, Text } from '@mantine/core';
import type { MeetingListQuery } from '@phonghop/common';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { wardDayKey } from '../../../lib/time';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useNow } from '../../../lib/use-now';
import { useMeetingList } from '../hooks/use-meetings';
import { MeetingCard } from './MeetingCard';

interface MeetingListProps {
  scope: NonNullable<MeetingListQuery['scope']>;
  /** Search words (diacritics optional); empty for all. */
  q?: string;
}

/**
 * One list of "my meetings". The server decides which meetings it holds (meetingListScopes in
 * libs/common); the page refetches when the Vietnamese day changes and flags overdue meetings
 * against a clock that keeps ticking while the page stays open.
 */
export function MeetingList({ scope, q = '' }: MeetingListProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const meetings = useMeetingList(q ? { scope, q } : { scope });
  const now = useNow();
  const day = wardDayKey(now);
  const shownDay = useRef(day);
  const { refetch } = meetings;
  useEffect(() => {
    if (shownDay.current === day) return;
    shownDay.current = day;
    void refetch();
  }, [day, refetch]);

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
    <Stack gap="sm" data-testid="meeting-list" data-day={day}>
      {items.map((meeting) => (
        <MeetingCard key={meeting.id} meeting={meeting} now={now} />
      ))}
    </Stack>
  );
}
