import { Badge, Button, Group, Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { checkSelfCheckIn, isPresentStatus, type MeetingActor, type MeetingSnapshot } from '@phonghop/common';
import { IconHandStop } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useAttendanceCommands } from '../hooks/use-attendance-commands';

/** "Có mặt": a participant checks in on their tablet; afterwards it shows how they are recorded. */
export function CheckInCard({
  snapshot,
  actor,
}: {
  snapshot: MeetingSnapshot;
  actor: MeetingActor & { userId: string };
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const commands = useAttendanceCommands(snapshot.meeting.id);
  const [busy, setBusy] = useState(false);
  if (!checkSelfCheckIn(snapshot.meeting.status, actor).ok) return null;
  const mine = snapshot.attendance.records.find((r) => r.userId === actor.userId);
  const present = isPresentStatus(mine?.status);

  const checkIn = async () => {
    setBusy(true);
    try {
      await commands.checkIn();
    } catch (err) {
      notifications.show({ color: 'red', message: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder radius="md" p="md" data-testid="check-in" data-status={mine?.status ?? 'none'}>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text fw={600}>{t('attendance.myAttendance')}</Text>
        <Badge size="lg" color={present ? 'teal' : 'gray'} variant={present ? 'filled' : 'light'}>
          {t(`attendance.status.${mine?.status ?? 'none'}`)}
        </Badge>
      </Group>
      {!present && (
        <Button
          mt="md"
          size="xl"
          fullWidth
          color="teal"
          leftSection={<IconHandStop size={26} />}
          loading={busy}
          onClick={() => void checkIn()}
          data-testid="check-in-button"
        >
          {t('attendance.checkIn')}
        </Button>
      )}
    </Paper>
  );
}
