import { Badge, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { isPausedItem, type AgendaItem, type AgendaItemStatus, type Participant } from '@phonghop/common';
import { IconClock, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

const ITEM_COLORS: Record<AgendaItemStatus, string> = {
  pending: 'gray',
  active: 'red',
  done: 'teal',
  skipped: 'yellow',
};

export function presenterName(participants: Participant[], presenterId: string | null): string | null {
  if (!presenterId) return null;
  return participants.find((p) => p.userId === presenterId)?.user.fullName ?? null;
}

/** The agenda as read by everyone before and after the meeting. */
export function AgendaOverview({
  agenda,
  participants,
}: {
  agenda: AgendaItem[];
  participants: Participant[];
}) {
  const { t } = useTranslation();
  const total = agenda.reduce((sum, item) => sum + item.plannedMinutes, 0);
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4">
          {t('agenda.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('agenda.total', { minutes: total })}
        </Text>
      </Group>
      {agenda.length === 0 && <Text c="dimmed">{t('agenda.empty')}</Text>}
      <Stack gap="sm">
        {agenda.map((item) => (
          <Group key={item.id} wrap="nowrap" align="flex-start" gap="md">
            <ThemeIcon radius="xl" size={36} variant={item.status === 'active' ? 'filled' : 'light'}>
              {item.position}
            </ThemeIcon>
            <Stack gap={2} flex={1} miw={0}>
              <Text fw={600}>{item.title}</Text>
              {item.description && (
                <Text size="sm" style={{ whiteSpace: 'pre-line' }} data-testid="agenda-item-description">
                  {item.description}
                </Text>
              )}
              <Group gap="md" c="dimmed">
                {presenterName(participants, item.presenterId) && (
                  <Group gap={4}>
                    <IconUser size={15} />
                    <Text size="sm">{presenterName(participants, item.presenterId)}</Text>
                  </Group>
                )}
                <Group gap={4}>
                  <IconClock size={15} />
                  <Text size="sm">{t('agenda.minutes', { minutes: item.plannedMinutes })}</Text>
                </Group>
              </Group>
            </Stack>
            {item.status !== 'pending' && (
              <Badge color={ITEM_COLORS[item.status]} variant="light" tt="none" size="md">
                {t(`agenda.status.${item.status}`)}
              </Badge>
            )}
            {isPausedItem(item) && (
              <Badge color="orange" variant="light" tt="none" size="md">
                {t('agenda.status.paused')}
              </Badge>
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
