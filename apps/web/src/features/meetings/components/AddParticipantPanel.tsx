import { Button, Chip, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { MEETING_ROLES, type MeetingRole, type Participant, type UserSummary } from '@phonghop/common';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useAddParticipant, useParticipantCandidates } from '../hooks/use-meetings';

const MAX_RESULTS = 8;

/** Search the directory, pick the role, tap "Add": no dropdowns to aim at on a tablet. */
export function AddParticipantPanel({
  meetingId,
  participants,
}: {
  meetingId: string;
  participants: Participant[];
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, 250);
  const [role, setRole] = useState<MeetingRole>('delegate');
  const candidates = useParticipantCandidates(query);
  const taken = new Set(participants.map((p) => p.userId));
  const results = (candidates.data?.items ?? []).filter((u) => !taken.has(u.id)).slice(0, MAX_RESULTS);

  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('participants.add')}
        </Title>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('participants.addAs')}
          </Text>
          {/* Chips wrap onto a second line rather than clipping "Khách mời" in a narrow column. */}
          <Chip.Group value={role} onChange={(value) => setRole(value as MeetingRole)}>
            <Group
              gap="xs"
              role="radiogroup"
              aria-label={t('participants.addAs')}
              data-testid="participant-role"
            >
              {MEETING_ROLES.map((r) => (
                <Chip key={r} value={r} type="radio" size="md" radius="md">
                  {t(`meetings.role.${r}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Stack>
        <TextInput
          leftSection={<IconSearch size={20} />}
          placeholder={t('participants.searchPlaceholder')}
          aria-label={t('participants.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          data-testid="participant-search"
        />
        <Stack gap="xs" data-testid="participant-candidates">
          {results.map((user) => (
            <CandidateRow key={user.id} meetingId={meetingId} user={user} role={role} />
          ))}
          {candidates.isSuccess && results.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('participants.noCandidates')}
            </Text>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}

function CandidateRow({
  meetingId,
  user,
  role,
}: {
  meetingId: string;
  user: UserSummary;
  role: MeetingRole;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const add = useAddParticipant(meetingId);

  const addUser = async () => {
    try {
      await add.mutateAsync({ userId: user.id, role });
      notifications.show({
        color: 'teal',
        message: t('participants.added', { name: user.fullName, role: t(`meetings.role.${role}`) }),
      });
    } catch (err) {
      notifications.show({ color: 'red', message: errorMessage(err) });
    }
  };

  return (
    <Group wrap="nowrap" gap="sm" data-testid={`candidate-${user.username}`}>
      <Stack gap={0} flex={1} miw={0}>
        <Text fw={600} size="sm" truncate>
          {user.fullName}
        </Text>
        <Text size="xs" c="dimmed" truncate>
          {user.title || user.unit}
        </Text>
      </Stack>
      <Button
        variant="light"
        size="sm"
        h={44}
        leftSection={<IconUserPlus size={18} />}
        loading={add.isPending}
        onClick={() => void addUser()}
      >
        {t('participants.addButton')}
      </Button>
    </Group>
  );
}
