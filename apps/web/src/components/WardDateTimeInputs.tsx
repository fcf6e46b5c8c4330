import { DatePickerInput, TimePicker, type DatePickerInputProps, type TimePickerProps } from '@mantine/dates';
import { IconCalendar, IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DAY_KEY_FORMAT, wardDay, wardNow } from '../lib/time';
import classes from './WardDateTimeInputs.module.css';

/*
 * Date and time fields as the ward writes them in both languages: dd/mm/yyyy and 24-hour time, in
 * Vietnam time (the values are a calendar day 'YYYY-MM-DD' and a wall-clock time 'HH:mm'; turning
 * them into an instant is lib/time's job). Both open a picker a finger can use: a month calendar,
 * and hour and minute columns; both can also be typed.
 */

type WardDateInputProps = Omit<DatePickerInputProps, 'type' | 'value' | 'onChange'> & {
  /** 'YYYY-MM-DD' or null. */
  value: string | null;
  onChange: (day: string | null) => void;
};

export function WardDateInput({ value, onChange, ...props }: WardDateInputProps) {
  const { t, i18n } = useTranslation();
  // Today is the Vietnamese day (Mantine's own highlight follows the device's zone).
  const today = wardNow().format(DAY_KEY_FORMAT);
  return (
    <DatePickerInput
      valueFormat="DD/MM/YYYY"
      // "Tháng 7/2025" rather than dayjs's "tháng 7 2025".
      monthLabelFormat={i18n.language === 'en' ? 'MMMM YYYY' : '[Tháng] M/YYYY'}
      placeholder={t('time.datePlaceholder')}
      leftSection={<IconCalendar size={20} />}
      highlightToday
      getDayProps={(day) => ({ 'data-today': day === today || undefined })}
      getDayAriaLabel={(day) => wardDay(day).format('dddd DD/MM/YYYY')}
      ariaLabels={{
        nextMonth: t('time.picker.nextMonth'),
        previousMonth: t('time.picker.previousMonth'),
        nextYear: t('time.picker.nextYear'),
        previousYear: t('time.picker.previousYear'),
        nextDecade: t('time.picker.nextDecade'),
        previousDecade: t('time.picker.previousDecade'),
        monthLevelControl: t('time.picker.chooseMonth'),
        yearLevelControl: t('time.picker.chooseYear'),
      }}
      value={value}
      onChange={(day) => onChange(day)}
      {...props}
    />
  );
}

type WardTimeInputProps = Omit<TimePickerProps, 'value' | 'onChange' | 'format'> & {
  /** 'HH:mm' (or '' while empty). */
  value: string;
  onChange: (time: string) => void;
};

export function WardTimeInput({ value, onChange, ...props }: WardTimeInputProps) {
  const { t } = useTranslation();
  return (
    <TimePicker
      format="24h"
      withDropdown
      minutesStep={5}
      leftSection={<IconClock size={20} />}
      hoursInputLabel={t('time.hours')}
      minutesInputLabel={t('time.minutes')}
      hoursPlaceholder={t('time.hoursPlaceholder')}
      minutesPlaceholder={t('time.minutesPlaceholder')}
      maxDropdownContentHeight={260}
      classNames={{ field: classes.timeField, control: classes.timeControl }}
      value={value}
      onChange={(time) => onChange(time.slice(0, 5))}
      {...props}
    />
  );
}
