import { Alert, Button, Group, List, Modal, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  checkSetCurrentItem,
  checkTransition,
  computeQuorum,
  undiscussedItems,
  type MeetingActor,
} from '@phonghop/common';
import {
  IconPlayerPlay,
  IconPlayerSkipBack,
  IconPlayerSkipForward,
  IconPlayerStop,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCodeOf } from '../../../lib/api-error';
import { useErrorMessage } from '../../../lib/use-error-message';
import type { MeetingRoom } from '../hooks/use-meeting-room';
import { nextItem, previousItem } from '../state/agenda-navigation';
import classes from './MeetingRoom.module.css';

type Busy = 'start' | 'next' | 'previous' | 'end' | null;

/** Start, move through the agenda, end: the chair runs the meeting from here. */
export function ChairControls({ room, actor }: { room: MeetingRoom; actor: MeetingActor }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState<Busy>(null);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [confirmNoQuorum, setConfirmNoQuorum] = useState(false);
  const snapshot = room.snapshot;
  if (!snapshot) return null;
  const { meeting, agenda } = snapshot;
  const quorum = computeQuorum(
    snapshot.participants,
    snapshot.attendance.records,
    snapshot.attendance.settings,
  );
  const canStart = checkTransition(meeting.status, 'live', actor).ok;
  const canEnd = checkTransition(meeting.status, 'ended', actor).ok;
  const canNavigate = checkSetCurrentItem(meeting.status, actor).ok;
  if (!canStart && !canEnd && !canNavigate) return null;

  const next = nextItem(agenda);
  // Ending leaves these unfinished: the chair sees them before confirming (the server records them).
  const undiscussed = undiscussedItems(agenda);
  const previous = previousItem(agenda);
  const run = async (which: Busy, action: () => Promise<void>) => {
    setBusy(which);
    try {
      await action();
    } catch (err) {
      notifications.show({ color: 'red', message: errorMessage(err) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Paper withBorder radius="md" p="md" data-testid="chair-controls">
      <Text size="sm" fw={600} c="dimmed" mb="sm">
        {t('room.chairControls')}
      </Text>
      {/* Nothing can be sent while the room is not live: the fieldset disables every button in it. */}
      <fieldset disabled={!room.live} className={classes.controls}>
        <Stack gap="sm">
          {canStart && (
            <Button
              size="xl"
              fullWidth
              color="red"
              leftSection={<IconPlayerPlay size={24} />}
              loading={busy === 'start'}
              // Without quorum the chair is warned first; the server asks for the same confirmation.
              onClick={() =>
                quorum.reached
                  ? void run('start', async () => {
                      try {
                        await room.start();
                      } catch (err) {
                        if (errorCodeOf(err) !== 'QUORUM_NOT_REACHED') throw err;
                        setConfirmNoQuorum(true);
                      }
                    })
                  : setConfirmNoQuorum(true)
              }
              data-testid="room-start"
            >
              {t('room.start')}
            </Button>
          )}
          {canNavigate && (
            // Next is what the chair presses all meeting long: biggest, on top; the column may be narrow.
            <>
              <Button
                size="xl"
                fullWidth
                rightSection={<IconPlayerSkipForward size={24} />}
                disabled={!next}
                loading={busy === 'next'}
                onClick={() => next && void run('next', () => room.setCurrent(next.id))}
                data-testid="room-next"
              >
                {agenda.some((i) => i.status === 'active') ? t('room.next') : t('room.first')}
              </Button>
              <Button
                size="lg"
                fullWidth
                variant="default"
                leftSection={<IconPlayerSkipBack size={22} />}
                disabled={!previous}
                loading={busy === 'previous'}
                onClick={() => previous && void run('previous', () => room.setCurrent(previous.id))}
                data-testid="room-previous"
              >
                {t('room.previous')}
              </Button>
            </>
          )}
          {canEnd && (
            <Button
              size="md"
              variant="outline"
              color="red"
              fullWidth
              leftSection={<IconPlayerStop size={20} />}
              loading={busy === 'end'}
              onClick={() => setConfirmEnd(true)}
              data-testid="room-end"
            >
              {t('room.end')}
            </Button>
          )}
        </Stack>
      </fieldset>
      <Modal opened={confirmEnd} onClose={() => setConfirmEnd(false)} title={t('room.endTitle')} size="md">
        <Stack gap="lg">
          <Text>{t('room.endBody')}</Text>
          {undiscussed.length > 0 ? (
            <Alert color="orange" variant="light" data-testid="room-end-undiscussed">
              <Text size="sm" mb="xs" c="dark.8">
                {t('room.endUndiscussed')}
              </Text>
              <List size="sm" c="dark.8">
                {undiscussed.map((item) => (
                  <List.Item key={item.id} data-testid="room-end-undiscussed-item">
                    {item.position}. {item.title}
                    {item.startedAt ? ` (${t('room.undiscussedPaused')})` : ''}
                  </List.Item>
                ))}
              </List>
            </Alert>
          ) : (
            <Text size="sm" c="dimmed">
              {t('room.endAllDiscussed')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmEnd(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              data-testid="room-end-confirm"
              onClick={() => {
                setConfirmEnd(false);
                void run('end', room.end);
              }}
            >
              {undiscussed.length > 0 ? t('room.endAnyway') : t('room.end')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal
        opened={confirmNoQuorum}
        onClose={() => setConfirmNoQuorum(false)}
        title={t('attendance.startNoQuorumTitle')}
        size="md"
      >
        <Stack gap="lg" data-testid="start-no-quorum">
          <Text>{t('attendance.startNoQuorumBody', { ...quorum })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmNoQuorum(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              data-testid="room-start-confirm"
              onClick={() => {
                setConfirmNoQuorum(false);
                void run('start', () => room.start(true));
              }}
            >
              {t('attendance.startAnyway')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
