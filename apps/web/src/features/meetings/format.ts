import type { UserSummary } from '@phonghop/common';
import dayjs from 'dayjs';

/** "08:00 – 11:30, thứ ba 01/07/2025" in the current language (dayjs follows i18n). */
export function formatMeetingTime(startsAt: string, endsAt: string): string {
  const start = dayjs(startsAt);
  const end = dayjs(endsAt);
  const sameDay = start.isSame(end, 'day');
  return sameDay
    ? `${start.format('HH:mm')} – ${end.format('HH:mm')}, ${start.format('dddd DD/MM/YYYY')}`
    : `${start.format('HH:mm DD/MM/YYYY')} – ${end.format('HH:mm DD/MM/YYYY')}`;
}

export function formatDay(iso: string): string {
  return dayjs(iso).format('dddd DD/MM/YYYY');
}

export function formatClock(iso: string): string {
  return dayjs(iso).format('HH:mm');
}

/** The values of native date and time inputs for an instant, in the device's time zone. */
export function toDateTimeInputs(iso: string): { date: string; time: string } {
  const d = dayjs(iso);
  return { date: d.format('YYYY-MM-DD'), time: d.format('HH:mm') };
}

/** An ISO instant with the device's offset ("2025-07-01T08:00:00+07:00"); null when incomplete. */
export function fromDateTimeInputs(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const d = dayjs(`${date}T${time}`);
  return d.isValid() ? d.format('YYYY-MM-DDTHH:mm:ssZ') : null;
}

export function personLabel(user: Pick<UserSummary, 'fullName' | 'title'>): string {
  return user.title ? `${user.fullName} — ${user.title}` : user.fullName;
}
