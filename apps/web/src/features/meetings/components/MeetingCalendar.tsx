import { ActionIcon, Alert, Button, Group, SegmentedControl, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { startOfWardWeek, wardTime, type WardTime } from '../../../lib/time';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useMeetingList } from '../hooks/use-meetings';
import { CalendarFeedButton } from './CalendarFeedButton';
import { MonthGrid } from './MonthGrid';
import { WeekAgenda } from './WeekAgenda';

type CalendarMode = 'week' | 'month';

/** The days shown, Monday-first as on Vietnamese calendars, from Vietnamese midnight to midnight. */
function visibleRange(mode: CalendarMode, anchor: WardTime): { from: WardTime; to: WardTime } {
  if (mode === 'week') {
    const from = startOfWardWeek(anchor);
    return { from, to: from.add(7, 'day') };
  }
  const from = startOfWardWeek(anchor.startOf('month'));
  const to = startOfWardWeek(anchor.endOf('month')).add(7, 'day');
  return { from, to };
}

/** The week or month of meetings I take part in (all meetings for an admin). */
export function MeetingCalendar() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [mode, setMode] = useState<CalendarMode>('week');
  // An instant, not a dayjs object: the days derived from it follow a change of language.
  const [anchorMs, setAnchorMs] = useState(() => Date.now());
  const anchor = wardTime(anchorMs);
  const { from, to } = visibleRange(mode, anchor);
  const meetings = useMeetingList({ from: from.format(), to: to.format() });
  const items = meetings.data?.items ?? [];
  const title =
    mode === 'month'
      ? t('calendar.monthTitle', {
          month: anchor.format('M'),
          monthName: anchor.format('MMMM'),
          year: anchor.format('YYYY'),
        })
      : `${from.format('DD/MM')} – ${to.subtract(1, 'day').format('DD/MM/YYYY')}`;

  return (
    <>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="xs">
          <ActionIcon
            variant="default"
            aria-label={t('calendar.previous')}
            onClick={() => setAnchorMs(anchor.subtract(1, mode).valueOf())}
          >
            <IconChevronLeft />
          </ActionIcon>
          <Button variant="default" onClick={() => setAnchorMs(Date.now())}>
            {t('calendar.today')}
          </Button>
          <ActionIcon
            variant="default"
            aria-label={t('calendar.next')}
            onClick={() => setAnchorMs(anchor.add(1, mode).valueOf())}
          >
            <IconChevronRight />
          </ActionIcon>
          <Text fw={700} size="lg" data-testid="calendar-title">
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
