import { Text, UnstyledButton } from '@mantine/core';
import type { MeetingListItem } from '@phonghop/common';
import { Link } from 'react-router-dom';
import { formatClock, isOnWardDay, wardNow, type WardTime } from '../../../lib/time';
import classes from './MeetingCalendar.module.css';

const MAX_PER_DAY = 3;

interface MonthGridProps {
  from: WardTime;
  to: WardTime;
  /** The month shown (0-11); days of the weeks around it are dimmed. */
  month: number;
  meetings: MeetingListItem[];
}

export function MonthGrid({ from, to, month, meetings }: MonthGridProps) {
  const days: WardTime[] = [];
  const today = wardNow();
  for (let d = from; d.isBefore(to); d = d.add(1, 'day')) days.push(d);
  return (
    <div className={classes.month} data-testid="calendar-month">
      {days.slice(0, 7).map((d) => (
        <Text key={`h${d.day()}`} className={classes.monthHead} size="sm" fw={600} tt="capitalize">
          {d.format('dd')}
        </Text>
      ))}
      {days.map((day) => {
        const ofDay = meetings.filter((m) => isOnWardDay(m.startsAt, day));
        return (
          <div
            key={day.toISOString()}
            className={classes.monthCell}
            data-outside={day.month() !== month || undefined}
            data-today={day.isSame(today, 'day') || undefined}
          >
            <Text size="sm" fw={600} className={classes.monthDate}>
              {day.date()}
            </Text>
            {ofDay.slice(0, MAX_PER_DAY).map((m) => (
              <UnstyledButton
                key={m.id}
                component={Link}
                to={`/meetings/${m.id}`}
                className={classes.chip}
                data-status={m.status}
              >
                <Text size="xs" truncate>
                  <b>{formatClock(m.startsAt)}</b> {m.title}
                </Text>
              </UnstyledButton>
            ))}
            {ofDay.length > MAX_PER_DAY && (
              <Text size="xs" c="dimmed">
                +{ofDay.length - MAX_PER_DAY}
              </Text>
            )}
          </div>
        );
      })}
    </div>
  );
}
