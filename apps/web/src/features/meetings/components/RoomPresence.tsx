import { Avatar, Group, Indicator, Paper, Stack, Text, Title } from '@mantine/core';
import { MEETING_ROLES, type Participant } from '@phonghop/common';
import { useTranslation } from 'react-i18next';
import { initials } from '../../../lib/initials';

/** Who is in the room now (a socket joined), online first. */
export function RoomPresence({ participants, online }: { participants: Participant[]; online: string[] }) {
  const { t } = useTranslation();
  const isOnline = (p: Participant) => online.includes(p.userId);
  const sorted = [...participants].sort(
    (a, b) =>
      Number(isOnline(b)) - Number(isOnline(a)) ||
      MEETING_ROLES.indexOf(a.role) - MEETING_ROLES.indexOf(b.role),
  );
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb="sm">
        {t('room.presence')}
      </Title>
      <Stack gap={8} data-testid="room-presence">
        {sorted.map((p) => (
          <Group
            key={p.userId}
            gap="sm"
            wrap="nowrap"
            data-testid={`presence-${p.user.username}`}
            data-online={isOnline(p)}
          >
            <Indicator
              color={isOnline(p) ? 'teal' : 'gray'}
              size={12}
              offset={4}
              position="bottom-end"
              withBorder
            >
              <Avatar radius="xl" size={36} color={isOnline(p) ? 'teal' : 'gray'}>
                {initials(p.user.fullName)}
              </Avatar>
            </Indicator>
            <Stack gap={0} flex={1} miw={0}>
              <Text size="sm" fw={600} truncate c={isOnline(p) ? undefined : 'dimmed'}>
                {p.user.fullName}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`meetings.role.${p.role}`)} · {isOnline(p) ? t('room.isOnline') : t('room.isOffline')}
              </Text>
            </Stack>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
