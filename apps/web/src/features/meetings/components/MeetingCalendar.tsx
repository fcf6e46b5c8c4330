import { ActionIcon, Alert, Button, Group, SegmentedControl, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useMeetingList } from '../hooks/use-meetings';
import { CalendarFeedButton } from './CalendarFeedButton';
import { MonthGrid } from './MonthGrid';
import { WeekAgenda } from './WeekAgenda';

type CalendarMode = 'week' | 'month';

/** Monday-first weeks, as on Vietnamese calendars. */
export function startOfWeek(day: Dayjs): Dayjs {
  return day.startOf('day').subtract((day.day() + 6) % 7, 'day');
}

function visibleRange(mode: CalendarMode, anchor: Dayjs): { from: Dayjs; to: Dayjs } {
  if (mode === 'week') {
    const from = startOfWeek(anchor);
    return { from, to: from.add(7, 'day') };
  }
  const from = startOfWeek(anchor.startOf('month'));
  const to = startOfWeek(anchor.endOf('month')).add(7, 'day');
  return { from, to };
}

/** The week or month of meetings I take part in (all meetings for an admin). */
export function MeetingCalendar() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [mode, setMode] = useState<CalendarMode>('week');
  const [anchor, setAnchor] = useState(() => dayjs());
  const { from, to } = visibleRange(mode, anchor);
  const meetings = useMeetingList({ from: from.format(), to: to.format() });
  const items = meetings.data?.items ?? [];
  const title =
    mode === 'month'
      ? anchor.format('MMMM YYYY')
      : `${from.format('DD/MM')} – ${to.subtract(1, 'day').format('DD/MM/YYYY')}`;

  return (
    <>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="xs">
          <ActionIcon
            variant="default"
            aria-label={t('calendar.previous')}
            onClick={() => setAnchor((a) => a.subtract(1, mode))}
          >
            <IconChevronLeft />
          </ActionIcon>
          <Button variant="default" onClick={() => setAnchor(dayjs())}>
            {t('calendar.today')}
          </Button>
          <ActionIcon
            variant="default"
            aria-label={t('calendar.next')}
            onClick={() => setAnchor((a) => a.add(1, mode))}
          >
            <IconChevronRight />
          </ActionIcon>
          <Text fw={700} size="lg" tt="capitalize" data-testid="calendar-title">
            {title}
          </Text>
        </Group>
        <Group gap="sm">
          <CalendarFeedButton />
          <SegmentedControl
            value={mode}
            onChange={(value) => setMode(value as CalendarMode)}
            data={[
              { value: 'week', label: t('calendar.week') },
              { value: 'month', label: t('calendar.month') },
            ]}
          />
        </Group>
      </Group>
      {meetings.error && <Alert color="red">{errorMessage(meetings.error)}</Alert>}
      {mode === 'week' ? (
        <WeekAgenda from={from} meetings={items} />
      ) : (
        <MonthGrid from={from} to={to} month={anchor.month()} meetings={items} />
      )}
    </>
  );
}
