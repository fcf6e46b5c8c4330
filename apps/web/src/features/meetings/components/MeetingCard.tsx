import { Badge, Button, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { isOverdue, type MeetingListItem } from '@phonghop/common';
import {
  IconClockExclamation,
  IconDeviceDesktop,
  IconDoorEnter,
  IconListNumbers,
  IconMapPin,
  IconUsers,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatMeetingTime, wardTime } from '../../../lib/time';
import { InvitationBadge, MeetingKindLabel, MeetingRoleBadge, MeetingStatusBadge } from './MeetingBadges';
import classes from './MeetingCard.module.css';

/**
 * One meeting in a list: its day at a glance, what, when, where, my role; the room when it is live;
 * "overdue" when it is scheduled, its start has passed and nobody has started it.
 */
export function MeetingCard({ meeting, now }: { meeting: MeetingListItem; now: Date }) {
  const { t } = useTranslation();
  const start = wardTime(meeting.startsAt);
  return (
    <Paper withBorder radius="md" className={classes.card} data-testid="meeting-card">
      <UnstyledButton component={Link} to={`/meetings/${meeting.id}`} className={classes.link}>
        <Stack gap={0} align="center" className={classes.date}>
          <Text size="xs" fw={600} tt="uppercase" c="brand.8">
            {start.format('ddd')}
          </Text>
          <Text fz={28} fw={700} lh={1.1}>
            {start.format('DD')}
          </Text>
          <Text size="xs" c="dimmed">
            {start.format('MM/YYYY')}
          </Text>
        </Stack>
        <Stack gap={6} className={classes.body}>
          <Group gap="xs">
            <MeetingStatusBadge status={meeting.status} />
            {isOverdue(meeting, now) && (
              <Badge
                color="red"
                c="red.9"
                variant="light"
                size="md"
                tt="none"
                leftSection={<IconClockExclamation size={14} />}
                data-testid="meeting-overdue"
              >
                {t('meetingList.overdue')}
              </Badge>
            )}
            <Badge variant="outline" color="gray" size="md" tt="none">
              <MeetingKindLabel kind={meeting.kind} />
            </Badge>
            {meeting.myRole && <MeetingRoleBadge role={meeting.myRole} />}
            {meeting.myInvitation && meeting.myInvitation !== 'accepted' && meeting.status !== 'draft' && (
              <InvitationBadge invitation={meeting.myInvitation} />
            )}
          </Group>
          <Text fw={700} size="lg" lh={1.3} data-testid="meeting-card-title">
            {meeting.title}
          </Text>
          <Text size="sm">{formatMeetingTime(meeting.startsAt, meeting.endsAt)}</Text>
          <Group gap="md" c="dimmed">
            {meeting.location && (
              <Group gap={4}>
                <IconMapPin size={16} />
                <Text size="sm">{meeting.location}</Text>
              </Group>
            )}
            {meeting.online && (
              <Group gap={4}>
                <IconDeviceDesktop size={16} />
                <Text size="sm">{t('meetings.online')}</Text>
              </Group>
            )}
            <Group gap={4}>
              <IconUsers size={16} />
              <Text size="sm">{t('meetings.participantCount', { count: meeting.participantCount })}</Text>
            </Group>
            <Group gap={4}>
              <IconListNumbers size={16} />
              <Text size="sm">{t('meetings.agendaCount', { count: meeting.agendaItemCount })}</Text>
            </Group>
          </Group>
        </Stack>
      </UnstyledButton>
      {meeting.status === 'live' && (
        <Button
          component={Link}
          to={`/meetings/${meeting.id}/room`}
          color="red"
          leftSection={<IconDoorEnter size={20} />}
          className={classes.enter}
        >
          {t('meetings.enterRoom')}
        </Button>
      )}
    </Paper>
  );
}
