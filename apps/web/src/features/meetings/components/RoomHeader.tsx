import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Meeting } from '@phonghop/common';
import { IconArrowLeft, IconWifi, IconWifiOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatMeetingTime } from '../../../lib/time';
import { MeetingStatusBadge } from './MeetingBadges';

interface RoomHeaderProps {
  meeting: Meeting;
  onlineCount: number;
  participantCount: number;
  /** False while this tablet's connection is lost. */
  live: boolean;
}

/** Status, title, time and place; how many have the app open — only while that is known and matters. */
export function RoomHeader({ meeting, onlineCount, participantCount, live }: RoomHeaderProps) {
  const { t } = useTranslation();
  // After the session nobody is "in" the room any more: no live presence.
  const inSession = meeting.status === 'scheduled' || meeting.status === 'live';
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} miw={0} flex="1 1 280px">
          <Group gap="xs">
            <MeetingStatusBadge status={meeting.status} size="lg" />
            {!live ? (
              <Group gap={4} c="red.9" data-testid="room-connection-lost" role="status">
                <IconWifiOff size={18} />
                <Text size="sm" fw={700}>
                  {t('room.connectionLost')}
                </Text>
              </Group>
            ) : (
              inSession && (
                <Group gap={4} c="teal.8" data-testid="room-online-count">
                  <IconWifi size={18} />
                  <Text size="sm" fw={600}>
                    {t('room.online', { online: onlineCount, total: participantCount })}
                  </Text>
                </Group>
              )
            )}
          </Group>
          <Title order={1} size="h3" lineClamp={2} data-testid="meeting-title">
            {meeting.title}
          </Title>
          <Text size="sm" c="dimmed">
            {formatMeetingTime(meeting.startsAt, meeting.endsAt)}
            {meeting.location ? ` · ${meeting.location}` : ''}
          </Text>
        </Stack>
        <Button
          component={Link}
          to={`/meetings/${meeting.id}`}
          variant="default"
          leftSection={<IconArrowLeft size={20} />}
          style={{ flexShrink: 0 }}
        >
          {t('room.leave')}
        </Button>
      </Group>
    </Paper>
  );
}
