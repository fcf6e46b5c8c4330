import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Menu,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  checkChairSpeakers,
  checkRequestFloor,
  currentSpeaker,
  SPEECH_KINDS,
  speakerQueue,
  speakingLimitSeconds,
  type MeetingActor,
  type MeetingSnapshot,
  type SpeechKind,
} from '@phonghop/common';
import { IconArrowDown, IconArrowUp, IconMicrophone, IconPlayerStop, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useServerClockSync } from '../hooks/use-server-clock';
import { useSpeakerCommands } from '../hooks/use-speaker-commands';
import { SpeakerCountdown } from './SpeakerCountdown';

const KIND_COLOR: Record<SpeechKind, string> = {
  opinion: 'blue',
  support: 'teal',
  oppose: 'red',
  question: 'grape',
  point_of_order: 'orange',
};

/**
 * The list of speakers of the current item: who speaks now with the countdown, who is next. A
 * participant asks for the floor with a kind and may withdraw; the chair gives and ends the floor,
 * orders, removes and adds, and closes the list.
 */
export function SpeakersPanel({
  snapshot,
  actor,
}: {
  snapshot: MeetingSnapshot;
  actor: MeetingActor & { userId: string };
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const commands = useSpeakerCommands(snapshot.meeting.id);
  const [addUser, setAddUser] = useState<string | null>(null);
  useServerClockSync();
  const item = snapshot.agenda.find((i) => i.status === 'active');
  if (snapshot.meeting.status !== 'live' || !item) return null;

  const { speakers, participants } = snapshot;
  const queue = speakerQueue(speakers.list, item.id);
  const speaking = currentSpeaker(speakers.list);
  const closed = speakers.items.find((i) => i.agendaItemId === item.id)?.closed ?? false;
  const isChair = checkChairSpeakers(snapshot.meeting.status, actor).ok;
  const canAsk = checkRequestFloor(snapshot.meeting.status, actor).ok;
  const mine = queue.find((s) => s.userId === actor.userId);
  const nameOf = (userId: string) => participants.find((p) => p.userId === userId)?.user.fullName ?? '';
  const run = async (action: () => Promise<void>) => {
    try {
      await action();
    } catch (err) {
      notifications.show({ color: 'red', message: errorMessage(err) });
    }
  };
  const move = (index: number, by: number) => {
    const ids = queue.map((s) => s.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved);
    void run(() => commands.reorder(item.id, ids));
  };

  return (
    <Paper withBorder radius="md" p="md" data-testid="speakers-panel">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4">
          {t('speakers.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('speakers.limit', {
            minutes:
              Math.round(speakingLimitSeconds(speakers, { agendaItemId: item.id, limitSeconds: null }) / 6) /
              10,
          })}
        </Text>
      </Group>

      {speaking ? (
        <Paper
          withBorder
          radius="md"
          p="sm"
          bg="gray.0"
          data-testid="current-speaker"
          data-user={speaking.userId}
        >
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Stack gap={2} miw={0}>
              <Text size="xs" c="dimmed" fw={600}>
                {t('speakers.speakingNow')}
              </Text>
              <Text fw={700} size="lg" truncate>
                {nameOf(speaking.userId)}
              </Text>
              <Badge color={KIND_COLOR[speaking.kind]} variant="light">
                {t(`speakers.kind.${speaking.kind}`)}
              </Badge>
            </Stack>
            <SpeakerCountdown
              startedAt={speaking.startedAt!}
              limitSeconds={speaking.limitSeconds!}
              size="2.4rem"
            />
          </Group>
          {isChair && (
            <Button
              mt="sm"
              fullWidth
              color="red"
              variant="light"
              leftSection={<IconPlayerStop size={18} />}
              onClick={() => void run(() => commands.end(speaking.id))}
              data-testid="speaker-end"
            >
              {t('speakers.end')}
            </Button>
          )}
        </Paper>
      ) : (
        <Text c="dimmed" size="sm">
          {t('speakers.nobody')}
        </Text>
      )}

      <Stack gap={6} mt="md" data-testid="speaker-queue">
        {queue.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('speakers.empty')}
          </Text>
        )}
        {queue.map((s, index) => (
          <Group
            key={s.id}
            gap="xs"
            wrap="nowrap"
            data-testid="speaker-row"
            data-user={s.userId}
            data-kind={s.kind}
          >
            <Text fw={700} w={24} ta="right">
              {index + 1}.
            </Text>
            <Stack gap={0} flex={1} miw={0}>
              <Text size="sm" fw={600} truncate>
                {nameOf(s.userId)}
              </Text>
              <Badge size="sm" color={KIND_COLOR[s.kind]} variant="light">
                {t(`speakers.kind.${s.kind}`)}
              </Badge>
            </Stack>
            {isChair && (
              <>
                <ActionIcon
                  variant="subtle"
                  size="lg"
                  disabled={index === 0}
                  aria-label={t('speakers.up')}
                  onClick={() => move(index, -1)}
                >
                  <IconArrowUp size={18} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  size="lg"
                  disabled={index === queue.length - 1}
                  aria-label={t('speakers.down')}
                  onClick={() => move(index, 1)}
                >
                  <IconArrowDown size={18} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('speakers.remove')}
                  onClick={() => void run(() => commands.remove(s.id))}
                >
                  <IconX size={18} />
                </ActionIcon>
                <Button
                  size="sm"
                  disabled={speaking !== null}
                  leftSection={<IconMicrophone size={16} />}
                  onClick={() => void run(() => commands.grant(s.id))}
                  data-testid="speaker-grant"
                >
                  {t('speakers.grant')}
                </Button>
              </>
            )}
          </Group>
        ))}
      </Stack>

      <Stack gap="sm" mt="md">
        {canAsk &&
          (mine ? (
            <Button
              variant="default"
              onClick={() => void run(() => commands.withdraw(mine.id))}
              data-testid="speaker-withdraw"
            >
              {t('speakers.withdraw')}
            </Button>
          ) : (
            speaking?.userId !== actor.userId && (
              <Menu position="top" withinPortal>
                <Menu.Target>
                  <Button
                    size="lg"
                    leftSection={<IconMicrophone size={20} />}
                    disabled={closed}
                    data-testid="speaker-request"
                  >
                    {closed ? t('speakers.closed') : t('speakers.request')}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {SPEECH_KINDS.map((kind) => (
                    <Menu.Item
                      key={kind}
                      onClick={() => void run(() => commands.request(kind))}
                      data-testid={`speaker-kind-${kind}`}
                    >
                      {t(`speakers.kind.${kind}`)}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
            )
          ))}
        {isChair && (
          <>
            <Group gap="xs" wrap="nowrap" align="flex-end">
              <Select
                flex={1}
                label={t('speakers.addLabel')}
                data={participants.map((p) => ({ value: p.userId, label: p.user.fullName }))}
                value={addUser}
                onChange={setAddUser}
                searchable
                comboboxProps={{ withinPortal: true }}
              />
              <Button
                variant="light"
                disabled={!addUser}
                onClick={() =>
                  addUser && void run(() => commands.add(addUser, 'opinion')).then(() => setAddUser(null))
                }
              >
                {t('speakers.add')}
              </Button>
            </Group>
            <Switch
              label={t('speakers.closeList')}
              checked={closed}
              onChange={(e) =>
                void run(() => commands.configure({ agendaItemId: item.id, closed: e.currentTarget.checked }))
              }
              data-testid="speaker-close"
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}
