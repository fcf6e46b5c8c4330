import { Badge, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { AgendaItem, Meeting, Participant } from '@phonghop/common';
import { IconClock, IconPlayerPlayFilled, IconUser, IconWifiOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useElapsed } from '../hooks/use-elapsed';
import { currentItem } from '../state/agenda-navigation';
import { presenterName } from './AgendaOverview';
import classes from './MeetingRoom.module.css';

interface CurrentItemPanelProps {
  meeting: Meeting;
  agenda: AgendaItem[];
  participants: Participant[];
  /** False while the connection is lost: the item may have changed, the timer stands still. */
  live: boolean;
}

/**
 * The big card everyone looks at: what is being discussed now, by whom, for how long. Without a
 * live connection it is greyed and says so: it shows what was current when the connection was lost.
 */
export function CurrentItemPanel({ meeting, agenda, participants, live }: CurrentItemPanelProps) {
  const { t } = useTranslation();
  const item = currentItem(agenda);
  const elapsed = useElapsed(item?.startedAt ?? null, live);
  const stale = !live && (
    <Badge
      color="gray.8"
      variant="filled"
      size="lg"
      tt="none"
      leftSection={<IconWifiOff size={14} />}
      data-testid="room-stale"
      styles={{ root: { height: 'auto', minHeight: 'var(--badge-height)' }, label: { whiteSpace: 'normal' } }}
    >
      {t('room.stale')}
    </Badge>
  );

  if (!item) {
    return (
      <Paper
        radius="md"
        p="xl"
        className={classes.current}
        data-testid="room-current"
        data-empty
        data-live={live}
      >
        {stale}
        <Text size="lg" c="dimmed" ta="center" data-testid="room-current-title">
          {t(`room.idle.${meeting.status}`)}
        </Text>
      </Paper>
    );
  }
  const presenter = presenterName(participants, item.presenterId);
  return (
    <Paper
      radius="md"
      p="xl"
      className={classes.current}
      data-testid="room-current"
      data-item-id={item.id}
      data-live={live}
    >
      <Stack gap="sm">
        {stale}
        <Group gap="xs">
          <Badge
            className={classes.nowBadge}
            color="red"
            variant="filled"
            size="lg"
            tt="none"
            leftSection={<IconPlayerPlayFilled size={12} />}
          >
            {t('room.now')}
          </Badge>
          <Text c="dimmed" size="sm">
            {t('room.itemOf', { position: item.position, total: agenda.length })}
          </Text>
        </Group>
        <Group wrap="nowrap" align="flex-start" gap="md">
          <ThemeIcon size={52} radius="xl" color="brand">
            <Text fw={700} fz={24}>
              {item.position}
            </Text>
          </ThemeIcon>
          <Title order={2} size="h2" lh={1.25} data-testid="room-current-title">
            {item.title}
          </Title>
        </Group>
        {item.description && (
          <Text size="md" style={{ whiteSpace: 'pre-wrap' }}>
            {item.description}
          </Text>
        )}
        <Group gap="lg" mt="xs">
          {presenter && (
            <Group gap={6}>
              <IconUser size={20} />
              <Text>{presenter}</Text>
            </Group>
          )}
          <Group gap={6}>
            <IconClock size={20} />
            <Text data-testid="room-elapsed">
              {elapsed} / {t('agenda.minutes', { minutes: item.plannedMinutes })}
            </Text>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
