import { Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { checkHandOverChair, MEETING_ROLES, type MeetingActor } from '@phonghop/common';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/use-error-message';
import type { MeetingRoom } from '../hooks/use-meeting-room';

/**
 * The chair hands the chair to another participant (meeting.handOver): the only way the chair of a
 * live meeting changes. Pick a person, then confirm: handing over cannot be undone by the one who
 * handed over (only the new chair can hand it back).
 */
export function HandOverChair({ room, actor }: { room: MeetingRoom; actor: MeetingActor }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [chosen, setChosen] = useState<{ userId: string; name: string } | null>(null);
  const snapshot = room.snapshot;
  if (!snapshot || !checkHandOverChair(snapshot.meeting.status, actor).ok) return null;
  const candidates = snapshot.participants
    .filter((p) => p.role !== 'chair')
    .sort((a, b) => MEETING_ROLES.indexOf(a.role) - MEETING_ROLES.indexOf(b.role));

  const close = () => {
    setOpen(false);
    setChosen(null);
  };
  const handOver = async () => {
    if (!chosen) return;
    setBusy(true);
    try {
      await room.handOver(chosen.userId);
      notifications.show({ color: 'teal', message: t('handover.done', { name: chosen.name }) });
      close();
    } catch (err) {
      notifications.show({ color: 'red', message: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder radius="md" p="md">
      <Button
        variant="light"
        fullWidth
        size="md"
        leftSection={<IconArrowsExchange size={18} />}
        onClick={() => setOpen(true)}
        data-testid="handover-open"
      >
        {t('handover.button')}
      </Button>
      <Modal opened={open} onClose={close} title={t('handover.title')} centered>
        <Stack gap="xs">
          <Text size="sm">{t('handover.body')}</Text>
          {candidates.map((p) => {
            const selected = chosen?.userId === p.userId;
            return (
              <Button
                key={p.userId}
                variant={selected ? 'filled' : 'default'}
                size="md"
                justify="space-between"
                aria-pressed={selected}
                onClick={() => setChosen({ userId: p.userId, name: p.user.fullName })}
                rightSection={<Text size="xs">{t(`meetings.role.${p.role}`)}</Text>}
                data-testid={`handover-to-${p.user.username}`}
              >
                {p.user.fullName}
              </Button>
            );
          })}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              {t('handover.cancel')}
            </Button>
            <Button disabled={!chosen} loading={busy} onClick={handOver} data-testid="handover-confirm">
              {t('handover.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
