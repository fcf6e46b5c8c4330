import {
  ActionIcon,
  Avatar,
  Grid,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { MEETING_ROLES, type MeetingRole, type Participant } from '@phonghop/common';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { initials } from '../../../lib/initials';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useChangeParticipantRole, useRemoveParticipant } from '../hooks/use-meetings';
import { AddParticipantPanel } from './AddParticipantPanel';
import { InvitationBadge } from './MeetingBadges';

interface ParticipantsEditorProps {
  meetingId: string;
  participants: Participant[];
  editable: boolean;
  /** Invitations went out (not a draft): show each answer. */
  invitationsSent: boolean;
}

/** Who takes part and in which role; people are added from the user directory. */
export function ParticipantsEditor({
  meetingId,
  participants,
  editable,
  invitationsSent,
}: ParticipantsEditorProps) {
  const { t } = useTranslation();
  const sorted = [...participants].sort(
    (a, b) => MEETING_ROLES.indexOf(a.role) - MEETING_ROLES.indexOf(b.role),
  );
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: editable ? 6 : 12 }}>
        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
          <Title order={2} size="h4" mb="md">
            {t('participants.title', { count: participants.length })}
          </Title>
          <Stack gap="sm" data-testid="participants-editor">
            {sorted.map((p) => (
              <ParticipantRow
                key={p.userId}
                meetingId={meetingId}
                participant={p}
                editable={editable}
                showInvitation={invitationsSent}
              />
            ))}
          </Stack>
        </Paper>
      </Grid.Col>
      {editable && (
        <Grid.Col span={{ base: 12, md: 6 }}>
          <AddParticipantPanel meetingId={meetingId} participants={participants} />
        </Grid.Col>
      )}
    </Grid>
  );
}

interface ParticipantRowProps {
  meetingId: string;
  participant: Participant;
  editable: boolean;
  showInvitation: boolean;
}

function ParticipantRow({ meetingId, participant, editable, showInvitation }: ParticipantRowProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const changeRole = useChangeParticipantRole(meetingId);
  const remove = useRemoveParticipant(meetingId);
  const fail = (err: unknown) => notifications.show({ color: 'red', message: errorMessage(err) });
  const [confirming, setConfirming] = useState(false);
  const removeNow = () => {
    setConfirming(false);
    remove.mutateAsync(participant.userId).catch(fail);
  };

  return (
    <Group gap="sm" justify="flex-end" data-testid={`participant-${participant.user.username}`}>
      <Group wrap="nowrap" gap="sm" flex={1} miw={180}>
        <Avatar radius="xl" color="brand">
          {initials(participant.user.fullName)}
        </Avatar>
        <Stack gap={0} miw={0}>
          <Text fw={600} size="sm" lineClamp={1}>
            {participant.user.fullName}
          </Text>
          <Text size="xs" c="dimmed" lineClamp={1}>
            {participant.user.title}
          </Text>
        </Stack>
      </Group>
      {showInvitation && <InvitationBadge invitation={participant.invitation} />}
      <NativeSelect
        miw={150}
        size="md"
        aria-label={t('participants.role')}
        disabled={!editable || changeRole.isPending}
        value={participant.role}
        onChange={(e) =>
          changeRole
            .mutateAsync({ userId: participant.userId, role: e.currentTarget.value as MeetingRole })
            .catch(fail)
        }
        data={MEETING_ROLES.map((r) => ({ value: r, label: t(`meetings.role.${r}`) }))}
      />
      {editable && (
        <Tooltip label={t('participants.remove')}>
          <ActionIcon
            color="red"
            aria-label={t('participants.remove')}
            loading={remove.isPending}
            onClick={() => setConfirming(true)}
            data-testid="participant-remove"
          >
            <IconTrash size={22} />
          </ActionIcon>
        </Tooltip>
      )}
      <ConfirmModal
        opened={confirming}
        title={t('confirm.removeParticipantTitle')}
        body={t('confirm.removeParticipantBody', { name: participant.user.fullName })}
        confirmLabel={t('participants.remove')}
        onConfirm={removeNow}
        onCancel={() => setConfirming(false)}
        testId="participant-remove-confirm"
      />
    </Group>
  );
}
