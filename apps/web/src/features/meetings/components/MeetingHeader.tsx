import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  checkEditAgenda,
  checkEditDetails,
  checkTransition,
  type Meeting,
  type MeetingRole,
} from '@phonghop/common';
import {
  IconBuilding,
  IconCalendarTime,
  IconDeviceDesktop,
  IconDoorEnter,
  IconMapPin,
  IconPencil,
  IconSend,
  IconArrowBackUp,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useErrorMessage } from '../../../lib/use-error-message';
import { formatMeetingTime } from '../format';
import { useMeetingActor } from '../hooks/use-meeting-actor';
import { useTransitionMeeting } from '../hooks/use-meetings';
import { MeetingKindLabel, MeetingRoleBadge, MeetingStatusBadge } from './MeetingBadges';

const ROOM_STATUSES: Meeting['status'][] = ['scheduled', 'live', 'ended'];

/** Title, status, when and where; the actions my role allows (the server checks them again). */
export function MeetingHeader({ meeting, myRole }: { meeting: Meeting; myRole: MeetingRole | null }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const actor = useMeetingActor(myRole);
  const transition = useTransitionMeeting(meeting.id);
  const canEdit =
    checkEditDetails(meeting.status, actor).ok ||
    (checkEditAgenda(meeting.status, actor).ok && meeting.status !== 'live');
  const canSchedule = checkTransition(meeting.status, 'scheduled', actor).ok;
  const canUnschedule = meeting.status === 'scheduled' && checkTransition('scheduled', 'draft', actor).ok;

  const move = async (to: Meeting['status'], message: string) => {
    try {
      await transition.mutateAsync(to);
      notifications.show({ color: 'teal', message });
    } catch (err) {
      notifications.show({ color: 'red', message: errorMessage(err) });
    }
  };

  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Group gap="xs">
          <MeetingStatusBadge status={meeting.status} size="lg" />
          <Badge variant="outline" color="gray" size="lg" tt="none">
            <MeetingKindLabel kind={meeting.kind} />
          </Badge>
          {myRole && <MeetingRoleBadge role={myRole} />}
        </Group>
        <Title order={1} size="h2" data-testid="meeting-title">
          {meeting.title}
        </Title>
        <Stack gap={6}>
          <InfoLine icon={<IconCalendarTime size={18} />}>
            {formatMeetingTime(meeting.startsAt, meeting.endsAt)}
          </InfoLine>
          {meeting.location && <InfoLine icon={<IconMapPin size={18} />}>{meeting.location}</InfoLine>}
          {meeting.online && (
            <InfoLine icon={<IconDeviceDesktop size={18} />}>{t('meetings.onlineToo')}</InfoLine>
          )}
          {meeting.organizerUnit && (
            <InfoLine icon={<IconBuilding size={18} />}>{meeting.organizerUnit}</InfoLine>
          )}
        </Stack>
        {meeting.description && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {meeting.description}
          </Text>
        )}
        <Group gap="sm" mt="xs">
          {ROOM_STATUSES.includes(meeting.status) && (
            <Button
              component={Link}
              to={`/meetings/${meeting.id}/room`}
              color={meeting.status === 'live' ? 'red' : undefined}
              leftSection={<IconDoorEnter size={20} />}
              data-testid="meeting-enter-room"
            >
              {t('meetings.enterRoom')}
            </Button>
          )}
          {canEdit && (
            <Button
              component={Link}
              to={`/meetings/${meeting.id}/edit`}
              variant="light"
              leftSection={<IconPencil size={20} />}
              data-testid="meeting-edit"
            >
              {t('meetings.edit')}
            </Button>
          )}
          {canSchedule && (
            <Button
              variant="filled"
              color="blue"
              leftSection={<IconSend size={20} />}
              loading={transition.isPending}
              onClick={() => void move('scheduled', t('meetings.scheduled'))}
              data-testid="meeting-schedule"
            >
              {t('meetings.schedule')}
            </Button>
          )}
          {canUnschedule && (
            <Button
              variant="default"
              leftSection={<IconArrowBackUp size={20} />}
              loading={transition.isPending}
              onClick={() => void move('draft', t('meetings.unscheduled'))}
            >
              {t('meetings.unschedule')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function InfoLine({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" c="dark.6">
      {icon}
      <Text size="md">{children}</Text>
    </Group>
  );
}
