import { ActionIcon, Paper, Stack, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { checkSetCurrentItem, type AgendaItem, type MeetingActor } from '@phonghop/common';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/use-error-message';
import type { MeetingRoom } from '../hooks/use-meeting-room';
import classes from './MeetingRoom.module.css';

/** The agenda, the current item highlighted; the chair may jump to any item. */
export function RoomAgenda({ room, actor }: { room: MeetingRoom; actor: MeetingActor }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const snapshot = room.snapshot;
  if (!snapshot) return null;
  const canJump = checkSetCurrentItem(snapshot.meeting.status, actor).ok;

  const jump = (item: AgendaItem) =>
    room
      .setCurrent(item.id)
      .catch((err: unknown) => notifications.show({ color: 'red', message: errorMessage(err) }));

  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb="sm">
        {t('agenda.title')}
      </Title>
      {snapshot.agenda.length === 0 && <Text c="dimmed">{t('agenda.empty')}</Text>}
      <Stack gap={4} data-testid="room-agenda">
        {snapshot.agenda.map((item) => {
          const current = item.status === 'active';
          return (
            <div
              key={item.id}
              className={classes.agendaRow}
              data-testid="room-agenda-item"
              data-current={current}
              data-status={item.status}
            >
              <ThemeIcon
                radius="xl"
                size={34}
                variant={current ? 'filled' : 'light'}
                color={item.status === 'done' ? 'teal' : 'brand'}
              >
                {item.position}
              </ThemeIcon>
              <Stack gap={0} flex={1} miw={0}>
                <Text fw={current ? 700 : 500} lineClamp={2}>
                  {item.title}
                </Text>
                <Text size="xs" c={current ? 'red.8' : 'dimmed'} fw={current ? 600 : 400}>
                  {current
                    ? t('agenda.status.active')
                    : t('agenda.minutes', { minutes: item.plannedMinutes })}
                  {item.status === 'done' || item.status === 'skipped'
                    ? ` · ${t(`agenda.status.${item.status}`)}`
                    : ''}
                </Text>
              </Stack>
              {canJump && !current && (
                <Tooltip label={t('room.jump')}>
                  <ActionIcon
                    aria-label={t('room.jump')}
                    onClick={() => void jump(item)}
                    data-testid="room-jump"
                  >
                    <IconPlayerPlay size={20} />
                  </ActionIcon>
                </Tooltip>
              )}
            </div>
          );
        })}
      </Stack>
    </Paper>
  );
}
