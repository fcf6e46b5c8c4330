import {
  Alert,
  Badge,
  Group,
  List,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { isPausedItem, type AgendaItem, type Meeting, type Participant } from '@phonghop/common';
import { useTranslation } from 'react-i18next';
import { formatClock, formatDateTime } from '../../../lib/time';
import { useMeetingEvents } from '../hooks/use-meetings';
import { meetingRecord, minutesBetween } from '../state/meeting-record';

interface MeetingRecordPanelProps {
  meeting: Meeting;
  agenda: AgendaItem[];
  participants: Participant[];
}

/**
 * The page of a meeting that is over (ended, closed, archived): what happened, read-only — when the
 * session was opened and ended (from the event log), each item's actual times and status, the items
 * left undiscussed, and how the participants answered the invitation. No live presence: nobody is
 * "in" a meeting that is over.
 */
export function MeetingRecordPanel({ meeting, agenda, participants }: MeetingRecordPanelProps) {
  const { t } = useTranslation();
  const events = useMeetingEvents(meeting.id, true);
  const record = events.data ? meetingRecord(events.data) : null;
  const planned = agenda.reduce((sum, item) => sum + item.plannedMinutes, 0);
  const count = (invitation: Participant['invitation']) =>
    participants.filter((p) => p.invitation === invitation).length;

  return (
    <Paper withBorder radius="md" p="lg" data-testid="meeting-record">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} size="h4">
            {t('meetingRecord.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('meetingRecord.readOnly')}
          </Text>
        </Stack>
        {!record ? (
          <Loader size="sm" />
        ) : record.startedAt ? (
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <Fact
              label={t('meetingRecord.started')}
              value={formatDateTime(record.startedAt)}
              testId="record-started"
            />
            {record.endedAt && (
              <Fact
                label={t('meetingRecord.ended')}
                value={formatDateTime(record.endedAt)}
                testId="record-ended"
              />
            )}
            {record.endedAt && (
              <Fact
                label={t('meetingRecord.duration')}
                value={t('meetingRecord.durationValue', {
                  minutes: minutesBetween(record.startedAt, record.endedAt),
                  planned,
                })}
              />
            )}
            {record.closedAt && (
              <Fact label={t('meetingRecord.closed')} value={formatDateTime(record.closedAt)} />
            )}
            {record.archivedAt && (
              <Fact label={t('meetingRecord.archived')} value={formatDateTime(record.archivedAt)} />
            )}
          </SimpleGrid>
        ) : (
          <Text size="sm">{t('meetingRecord.notHeld')}</Text>
        )}

        {record?.undiscussed && record.undiscussed.length > 0 && (
          <Alert color="orange" variant="light" data-testid="record-undiscussed">
            <Text size="sm" c="dark.8" mb={4}>
              {t('meetingRecord.undiscussed', { count: record.undiscussed.length })}
            </Text>
            <List size="sm" c="dark.8">
              {record.undiscussed.map((item) => (
                <List.Item key={item.id}>
                  {item.position}. {item.title}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}

        <Title order={3} size="h5">
          {t('meetingRecord.agenda')}
        </Title>
        {agenda.length === 0 && <Text c="dimmed">{t('agenda.empty')}</Text>}
        <Stack gap="sm" data-testid="record-agenda">
          {[...agenda]
            .sort((a, b) => a.position - b.position)
            .map((item) => (
              <RecordItem key={item.id} item={item} />
            ))}
        </Stack>

        <Text size="sm" data-testid="record-participants">
          {t('meetingRecord.participants', {
            accepted: count('accepted'),
            declined: count('declined'),
            pending: count('pending'),
          })}
        </Text>
      </Stack>
    </Paper>
  );
}

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

function RecordItem({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  const paused = isPausedItem(item);
  const [label, color] =
    item.status === 'done'
      ? [t('agenda.status.done'), 'teal']
      : item.status === 'skipped'
        ? [t('agenda.status.skipped'), 'yellow']
        : paused
          ? [t('meetingRecord.notFinished'), 'orange']
          : item.status === 'active'
            ? [t('agenda.status.active'), 'red']
            : [t('meetingRecord.notDiscussed'), 'gray'];
  const times =
    item.startedAt && item.endedAt
      ? t('meetingRecord.itemTimes', {
          from: formatClock(item.startedAt),
          to: formatClock(item.endedAt),
          minutes: minutesBetween(item.startedAt, item.endedAt),
          planned: item.plannedMinutes,
        })
      : item.startedAt
        ? t('meetingRecord.itemBegun', { from: formatClock(item.startedAt), planned: item.plannedMinutes })
        : t('meetingRecord.itemPlanned', { planned: item.plannedMinutes });
  return (
    <Group wrap="nowrap" align="flex-start" gap="md" data-testid="record-item" data-status={item.status}>
      <ThemeIcon radius="xl" size={32} variant="light" color={item.status === 'done' ? 'teal' : 'gray'}>
        {item.position}
      </ThemeIcon>
      <Stack gap={2} flex={1} miw={0}>
        <Text fw={600}>{item.title}</Text>
        <Text size="sm" c="dimmed" data-testid="record-item-times">
          {times}
        </Text>
      </Stack>
      <Badge color={color} variant="light" tt="none" size="md" data-testid="record-item-status">
        {label}
      </Badge>
    </Group>
  );
}
