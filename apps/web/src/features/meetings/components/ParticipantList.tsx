import { Avatar, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { MEETING_ROLES, type Participant } from '@phonghop/common';
import { useTranslation } from 'react-i18next';
import { initials } from '../../../lib/initials';
import { InvitationBadge, MeetingRoleBadge } from './MeetingBadges';

/** Participants by role (chair, secretary, delegates, guests), with their answer to the invitation. */
interface ParticipantListProps {
  participants: Participant[];
  /** Whether invitations went out (not in a draft). */
  showInvitations: boolean;
  online?: string[];
}

export function ParticipantList({ participants, showInvitations, online }: ParticipantListProps) {
  const { t } = useTranslation();
  const sorted = [...participants].sort(
    (a, b) =>
      MEETING_ROLES.indexOf(a.role) - MEETING_ROLES.indexOf(b.role) ||
      a.user.fullName.localeCompare(b.user.fullName, 'vi'),
  );
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
      <Title order={2} size="h4" mb="md">
        {t('participants.title', { count: participants.length })}
      </Title>
      <Stack gap="sm">
        {sorted.map((p) => (
          <Group
            key={p.userId}
            wrap="nowrap"
            gap="sm"
            align="flex-start"
            data-testid={`participant-${p.user.username}`}
          >
            <Avatar radius="xl" color={online?.includes(p.userId) ? 'teal' : 'gray'}>
              {initials(p.user.fullName)}
            </Avatar>
            <Stack gap={2} flex={1} miw={0}>
              <Text fw={600} size="sm">
                {p.user.fullName}
              </Text>
              <Text size="xs" c="dimmed" lineClamp={2}>
                {p.user.title}
              </Text>
              {p.invitation === 'declined' && p.declineReason && (
                <Text size="xs" c="orange.8">
                  {t('invitation.reasonShort', { reason: p.declineReason })}
                </Text>
              )}
            </Stack>
            <Stack gap={4} align="flex-end">
              <MeetingRoleBadge role={p.role} />
              {showInvitations && <InvitationBadge invitation={p.invitation} />}
            </Stack>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
