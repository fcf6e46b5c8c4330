import { Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import type { MeetingListItem } from '@phonghop/common';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatClock, isOnWardDay, wardNow, type WardTime } from '../../../lib/time';
import { MeetingStatusBadge } from './MeetingBadges';
import classes from './MeetingCalendar.module.css';

/** A week as seven day rows: readable in both tablet orientations, unlike seven narrow columns. */
export function WeekAgenda({ from, meetings }: { from: WardTime; meetings: MeetingListItem[] }) {
  const { t } = useTranslation();
  const days = Array.from({ length: 7 }, (_, i) => from.add(i, 'day'));
  return (
    <Paper withBorder radius="md" data-testid="calendar-week">
      {days.map((day) => {
        const ofDay = meetings.filter((m) => isOnWardDay(m.startsAt, day));
        const today = day.isSame(wardNow(), 'day');
        return (
          <Group key={day.toISOString()} className={classes.weekRow} align="flex-start" wrap="nowrap">
            <Stack gap={0} className={classes.weekDay} data-today={today || undefined}>
              <Text size="sm" fw={600}>
                {day.format('dddd')}
              </Text>
              <Text size="sm" c="dimmed">
                {day.format('DD/MM')}
              </Text>
            </Stack>
            <Stack gap={6} flex={1}>
              {ofDay.length === 0 && (
                <Text size="sm" c="dimmed" py={6}>
                  {t('calendar.noMeetings')}
                </Text>
              )}
              {ofDay.map((m) => (
                <UnstyledButton
                  key={m.id}
                  component={Link}
                  to={`/meetings/${m.id}`}
                  className={classes.weekItem}
                >
                  <Text fw={600} size="sm" w={110} style={{ flexShrink: 0 }}>
                    {formatClock(m.startsAt)} – {formatClock(m.endsAt)}
                  </Text>
                  <Text size="sm" flex={1} lineClamp={2}>
                    {m.title}
                  </Text>
                  <MeetingStatusBadge status={m.status} />
                </UnstyledButton>
              ))}
            </Stack>
          </Group>
        );
      })}
    </Paper>
  );
}
