import { Button, Modal, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { checkHandOverChair, MEETING_ROLES, type MeetingActor } from '@phonghop/common';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/use-error-message';
import type { MeetingRoom } from '../hooks/use-meeting-room';

/**
 * The chair hands the chair to another participant (meeting.handOver): the only way the chair of a
 * live meeting changes. One tap opens the list of people, a second tap on a name hands it over.
 */
export function HandOverChair({ room, actor }: { room: MeetingRoom; actor: MeetingActor }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const snapshot = room.snapshot;
  if (!snapshot || !checkHandOverChair(snapshot.meeting.status, actor).ok) return null;
  const candidates = snapshot.participants
    .filter((p) => p.role !== 'chair')
    .sort((a, b) => MEETING_ROLES.indexOf(a.role) - MEETING_ROLES.indexOf(b.role));

  const handOver = async (userId: string, name: string) => {
    setBusy(userId);
    try {
      await room.handOver(userId);
      notifications.show({ color: 'teal', message: t('handover.done', { name }) });
      setOpen(false);
    } catch (err) {
      notifications.show({ color: 'red', message: errorMessage(err) });
    } finally {
      setBusy(null);
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
      <Modal opened={open} onClose={() => setOpen(false)} title={t('handover.title')} centered>
        <Stack gap="xs">
          <Text size="sm">{t('handover.body')}</Text>
          {candidates.map((p) => (
            <Button
              key={p.userId}
              variant="default"
              size="md"
              justify="space-between"
              loading={busy === p.userId}
              disabled={busy !== null && busy !== p.userId}
              onClick={() => handOver(p.userId, p.user.fullName)}
              rightSection={<Text size="xs">{t(`meetings.role.${p.role}`)}</Text>}
              data-testid={`handover-to-${p.user.username}`}
            >
              {p.user.fullName}
            </Button>
          ))}
        </Stack>
      </Modal>
    </Paper>
  );
}
