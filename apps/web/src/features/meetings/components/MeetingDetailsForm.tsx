import { Button, Group, Select, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { CreateMeetingRequestSchema, MEETING_KINDS, type Meeting, type MeetingKind } from '@phonghop/common';
import dayjs from 'dayjs';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { fieldErrors } from '../../../lib/field-errors';
import { fromDateTimeInputs, toDateTimeInputs } from '../format';

export type MeetingDetails = z.output<typeof CreateMeetingRequestSchema>;

interface FormValues {
  title: string;
  kind: MeetingKind;
  organizerUnit: string;
  date: string;
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
      date: dayjs().add(1, 'day').format('YYYY-MM-DD'),
      startTime: '08:00',
      endTime: '11:00',
      location: '',
      online: false,
      description: '',
    };
  }
  const start = toDateTimeInputs(meeting.startsAt);
  return {
    title: meeting.title,
    kind: meeting.kind,
    organizerUnit: meeting.organizerUnit,
    date: start.date,
    startTime: start.time,
    endTime: toDateTimeInputs(meeting.endsAt).time,
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
  const text = (name: 'title' | 'organizerUnit' | 'date' | 'startTime' | 'endTime' | 'location') => ({
    name,
    value: values[name],
    error: errors[name],
    onChange: (e: { currentTarget: { value: string } }) => set(name, e.currentTarget.value),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const startsAt = fromDateTimeInputs(values.date, values.startTime);
    const endsAt = fromDateTimeInputs(values.date, values.endTime);
    if (!startsAt || !endsAt) return setErrors({ date: t('validation.required') });
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
          <TextInput type="date" label={t('meetings.form.date')} required {...text('date')} />
          <TextInput type="time" label={t('meetings.form.startTime')} required {...text('startTime')} />
          <TextInput type="time" label={t('meetings.form.endTime')} required {...text('endTime')} />
        </SimpleGrid>
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
