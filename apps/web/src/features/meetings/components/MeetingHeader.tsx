import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { checkEditAgenda, checkEditDetails, type Meeting, type MeetingRole } from '@phonghop/common';
import {
  IconBuilding,
  IconCalendarTime,
  IconDeviceDesktop,
  IconDoorEnter,
  IconMapPin,
  IconPencil,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { deviceOnWardTime, formatMeetingTime } from '../../../lib/time';
import { useMeetingActor } from '../hooks/use-meeting-actor';
import { MeetingKindLabel, MeetingRoleBadge, MeetingStatusBadge } from './MeetingBadges';
import { MeetingLifecycleActions } from './MeetingLifecycleActions';

/** The room is for the session: before it (waiting for the chair) and during it; after it, the page is the record. */
const ROOM_STATUSES: Meeting['status'][] = ['scheduled', 'live'];

/** Title, status, when and where; the actions my role allows (the server checks them again). */
interface MeetingHeaderProps {
  meeting: Meeting;
  myRole: MeetingRole | null;
  agendaCount: number;
}

export function MeetingHeader({ meeting, myRole, agendaCount }: MeetingHeaderProps) {
  const { t } = useTranslation();
  const actor = useMeetingActor(myRole);
  const canEdit =
    checkEditDetails(meeting.status, actor).ok ||
    (checkEditAgenda(meeting.status, actor).ok && meeting.status !== 'live');

  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
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
            <span data-testid="meeting-time">{formatMeetingTime(meeting.startsAt, meeting.endsAt)}</span>
            {!deviceOnWardTime() && (
              <Text span c="dimmed" size="sm">
                {' '}
                ({t('time.wardZone')})
              </Text>
            )}
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
          <MeetingLifecycleActions meeting={meeting} actor={actor} agendaCount={agendaCount} />
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
