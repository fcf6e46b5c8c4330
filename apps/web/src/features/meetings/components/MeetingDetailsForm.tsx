import { Button, Group, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { CreateMeetingRequestSchema, MEETING_KINDS, type Meeting, type MeetingKind } from '@phonghop/common';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { WardDateInput, WardTimeInput } from '../../../components/WardDateTimeInputs';
import { fieldErrors } from '../../../lib/field-errors';
import { DAY_KEY_FORMAT, deviceOnWardTime, fromWardInputs, toWardInputs, wardNow } from '../../../lib/time';

export type MeetingDetails = z.output<typeof CreateMeetingRequestSchema>;

interface FormValues {
  title: string;
  kind: MeetingKind;
  organizerUnit: string;
  /** The Vietnamese calendar day, 'YYYY-MM-DD'; times are Vietnam wall-clock 'HH:mm'. */
  date: string | null;
  startTime: string;
  endTime: string;
  location: string;
  online: boolean;
  description: string;
}

function initialValues(meeting: Meeting | undefined, defaultUnit: string): FormValues {
  if (!meeting) {
    return {
      title: '',
      kind: 'party_committee',
      organizerUnit: defaultUnit,
      date: wardNow().add(1, 'day').format(DAY_KEY_FORMAT),
      startTime: '08:00',
      endTime: '11:00',
      location: '',
      online: false,
      description: '',
    };
  }
  const start = toWardInputs(meeting.startsAt);
  return {
    title: meeting.title,
    kind: meeting.kind,
    organizerUnit: meeting.organizerUnit,
    date: start.date,
    startTime: start.time,
    endTime: toWardInputs(meeting.endsAt).time,
    location: meeting.location ?? '',
    online: meeting.online,
    description: meeting.description,
  };
}

interface MeetingDetailsFormProps {
  meeting?: Meeting;
  defaultUnit?: string;
  submitLabel: string;
  submitting: boolean;
  onSubmit: (details: MeetingDetails) => void;
  onCancel?: () => void;
}

/** Title, kind, organiser, day and hours, room and/or online, description; checked with the contract schema. */
export function MeetingDetailsForm(props: MeetingDetailsFormProps) {
  const { meeting, defaultUnit = '', submitLabel, submitting, onSubmit, onCancel } = props;
  const { t } = useTranslation();
  const [values, setValues] = useState(() => initialValues(meeting, defaultUnit));
  const [errors, setErrors] = useState<Record<string, string>>({});

  const set = <K extends keyof FormValues>(name: K, value: FormValues[K]) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors({});
  };
  const text = (name: 'title' | 'organizerUnit' | 'location') => ({
    name,
    value: values[name],
    error: errors[name],
    onChange: (e: { currentTarget: { value: string } }) => set(name, e.currentTarget.value),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const startsAt = values.date ? fromWardInputs(values.date, values.startTime) : null;
    const endsAt = values.date ? fromWardInputs(values.date, values.endTime) : null;
    if (!startsAt || !endsAt) {
      return setErrors({
        ...(values.date ? {} : { date: t('validation.required') }),
        ...(startsAt || !values.date ? {} : { startTime: t('validation.time') }),
        ...(endsAt || !values.date ? {} : { endTime: t('validation.time') }),
      });
    }
    const parsed = CreateMeetingRequestSchema.safeParse({
      title: values.title,
      kind: values.kind,
      organizerUnit: values.organizerUnit,
      startsAt,
      endsAt,
      location: values.location.trim() === '' ? null : values.location,
      online: values.online,
      description: values.description,
    });
    if (!parsed.success) {
      const found = fieldErrors(parsed.error, t);
      return setErrors({
        ...found,
        ...(found.endsAt ? { endTime: t('meetings.form.endAfterStart') } : {}),
        ...(found.location && values.location.trim() === ''
          ? { location: t('meetings.form.needPlace') }
          : {}),
      });
    }
    onSubmit(parsed.data);
  };

  return (
    <form onSubmit={submit} noValidate data-testid="meeting-details-form">
      <Stack gap="md">
        <TextInput label={t('meetings.form.title')} required {...text('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('meetings.form.kind')}
            value={values.kind}
            allowDeselect={false}
            onChange={(value) => value && set('kind', value as MeetingKind)}
            data={MEETING_KINDS.map((k) => ({ value: k, label: t(`meetings.kind.${k}`) }))}
            data-testid="meeting-kind"
          />
          <TextInput label={t('meetings.form.organizerUnit')} {...text('organizerUnit')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <WardDateInput
            name="date"
            label={t('meetings.form.date')}
            required
            value={values.date}
            error={errors.date}
            onChange={(day) => set('date', day)}
            data-testid="meeting-date"
          />
          <WardTimeInput
            name="startTime"
            label={t('meetings.form.startTime')}
            required
            value={values.startTime}
            error={errors.startTime}
            onChange={(time) => set('startTime', time)}
            data-testid="meeting-start-time"
          />
          <WardTimeInput
            name="endTime"
            label={t('meetings.form.endTime')}
            required
            value={values.endTime}
            error={errors.endTime}
            onChange={(time) => set('endTime', time)}
            data-testid="meeting-end-time"
          />
        </SimpleGrid>
        {!deviceOnWardTime() && (
          <Text size="sm" c="dimmed" mt={-8} data-testid="ward-time-note">
            {t('time.wardZoneNote')}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} verticalSpacing="sm">
          <TextInput
            label={t('meetings.form.location')}
            placeholder={t('meetings.form.locationHint')}
            {...text('location')}
          />
          <Switch
            mt={{ base: 0, sm: 34 }}
            size="lg"
            label={t('meetings.form.online')}
            checked={values.online}
            onChange={(e) => set('online', e.currentTarget.checked)}
          />
        </SimpleGrid>
        <Textarea
          name="description"
          label={t('meetings.form.description')}
          autosize
          minRows={3}
          maxRows={8}
          value={values.description}
          onChange={(e) => set('description', e.currentTarget.value)}
        />
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={submitting} data-testid="meeting-details-submit">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
