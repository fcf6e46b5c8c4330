import dayjs, { type Dayjs } from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(relativeTime);

/*
 * Every meeting time the app shows or takes is Vietnam time, whatever the device's own zone: a
 * ward's meetings happen in the ward, and a laptop left on UTC (or a delegate abroad) must still read
 * "08:00" for a meeting at eight in the morning in Vĩnh Phúc. All date arithmetic of the web goes
 * through this file; nothing else calls dayjs() on an instant.
 */
export const WARD_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Day keys ('YYYY-MM-DD'), the form @mantine/dates uses for calendar days. */
export const DAY_KEY_FORMAT = 'YYYY-MM-DD';

export type WardTime = Dayjs;

/** An instant (ISO string, Date, epoch ms) as Vietnam wall-clock time, in the current language. */
export function wardTime(instant: string | number | Date | Dayjs): WardTime {
  return dayjs(instant).tz(WARD_TIME_ZONE);
}

/** Now, in Vietnam. */
export function wardNow(): WardTime {
  return dayjs().tz(WARD_TIME_ZONE);
}

/** Midnight in Vietnam of a calendar day given as 'YYYY-MM-DD'. */
export function wardDay(dayKey: string): WardTime {
  return dayjs.tz(dayKey, WARD_TIME_ZONE);
}

/** The Vietnamese calendar day of an instant, as 'YYYY-MM-DD' (for grouping by day). */
export function wardDayKey(instant: string | number | Date | Dayjs): string {
  return wardTime(instant).format(DAY_KEY_FORMAT);
}

/** Whether an instant falls on the given Vietnamese day. */
export function isOnWardDay(instant: string, day: WardTime): boolean {
  return wardDayKey(instant) === day.format(DAY_KEY_FORMAT);
}

/** Monday of the week containing `day`, at midnight (weeks start on Monday on Vietnamese calendars). */
export function startOfWardWeek(day: WardTime): WardTime {
  const midnight = day.startOf('day');
  return midnight.subtract((midnight.day() + 6) % 7, 'day');
}

/** "08:00 – 11:30, Thứ ba 01/07/2025" (or both ends in full when the meeting spans days). */
export function formatMeetingTime(startsAt: string, endsAt: string): string {
  const start = wardTime(startsAt);
  const end = wardTime(endsAt);
  return start.format(DAY_KEY_FORMAT) === end.format(DAY_KEY_FORMAT)
    ? `${start.format('HH:mm')} – ${end.format('HH:mm')}, ${start.format('dddd DD/MM/YYYY')}`
    : `${start.format('HH:mm DD/MM/YYYY')} – ${end.format('HH:mm DD/MM/YYYY')}`;
}

/** "Thứ ba 01/07/2025". */
export function formatDay(instant: string): string {
  return wardTime(instant).format('dddd DD/MM/YYYY');
}

/** "08:00". */
export function formatClock(instant: string): string {
  return wardTime(instant).format('HH:mm');
}

/** "08:00 01/07/2025". */
export function formatDateTime(instant: string): string {
  return wardTime(instant).format('HH:mm DD/MM/YYYY');
}

/** "5 phút trước" within a day; the Vietnam date and time for anything older. */
export function formatSince(instant: string, now: number = Date.now()): string {
  const then = dayjs(instant);
  return now - then.valueOf() < 86_400_000 ? then.from(now) : formatDateTime(instant);
}

/** The editor's fields for an instant: the Vietnam day ('YYYY-MM-DD') and time ('HH:mm'). */
export function toWardInputs(instant: string): { date: string; time: string } {
  const t = wardTime(instant);
  return { date: t.format(DAY_KEY_FORMAT), time: t.format('HH:mm') };
}

/**
 * The instant of a day and a time typed as Vietnam time, as ISO with the +07:00 offset
 * ("2025-07-01T08:00:00+07:00"); null while incomplete. Accepts 'HH:mm' and 'HH:mm:ss'.
 */
export function fromWardInputs(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}(:\d{2})?$/.test(time)) return null;
  const t = dayjs.tz(`${date} ${time.slice(0, 5)}`, WARD_TIME_ZONE);
  return t.isValid() ? t.format('YYYY-MM-DDTHH:mm:ssZ') : null;
}

/** Whether this device's clock runs on Vietnam time now (else the app says the times are Vietnam's). */
export function deviceOnWardTime(): boolean {
  return new Date().getTimezoneOffset() === -wardNow().utcOffset();
}
