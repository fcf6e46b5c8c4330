import { Button, Group, Modal, Stack, Text, type MantineColor } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Meeting, MeetingActor, MeetingStatus } from '@phonghop/common';
import { IconArchive, IconArrowBackUp, IconLock, IconSend, type Icon } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useTransitionMeeting } from '../hooks/use-meetings';
import { pageTransitions } from '../state/page-transitions';

interface TransitionButton {
  /** i18n key under meetings.lifecycle.<key>: label, done, and (with confirm) confirmTitle/confirmBody. */
  key: string;
  icon: Icon;
  color?: MantineColor;
  variant: 'filled' | 'light' | 'default';
  confirm: boolean;
}

/** How each transition made from the meeting's page (state/page-transitions) looks. */
const BUTTONS: Partial<Record<MeetingStatus, TransitionButton>> = {
  // Scheduling sends the invitations: asked first, as postponing is.
  scheduled: { key: 'schedule', icon: IconSend, color: 'blue', variant: 'filled', confirm: true },
  draft: { key: 'unschedule', icon: IconArrowBackUp, variant: 'default', confirm: true },
  closed: { key: 'close', icon: IconLock, color: 'teal', variant: 'filled', confirm: true },
  archived: { key: 'archive', icon: IconArchive, color: 'dark', variant: 'light', confirm: true },
};

interface MeetingLifecycleActionsProps {
  meeting: Meeting;
  actor: MeetingActor;
  /** Scheduling needs an agenda: the invitation lists it. */
  agendaCount: number;
}

/** Schedule, unschedule, close, archive: the buttons the rules allow me (the server checks again). */
export function MeetingLifecycleActions({ meeting, actor, agendaCount }: MeetingLifecycleActionsProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const transition = useTransitionMeeting(meeting.id);
  // The target stays set while the dialog closes, so its text does not vanish mid-animation.
  const [dialog, setDialog] = useState<{ to: MeetingStatus; opened: boolean } | null>(null);
  const closeDialog = () => setDialog((d) => d && { ...d, opened: false });
  const targets = pageTransitions(meeting.status, actor);
  if (targets.length === 0) return null;

  const move = async (to: MeetingStatus) => {
    closeDialog();
    try {
      await transition.mutateAsync(to);
      notifications.show({ color: 'teal', message: t(`meetings.lifecycle.${BUTTONS[to]?.key}.done`) });
    } catch (err) {
      notifications.show({ color: 'red', message: errorMessage(err) });
    }
  };
  const confirmKey = dialog ? BUTTONS[dialog.to]?.key : undefined;

  return (
    <>
      <Group gap="sm">
        {targets.map((to) => {
          const button = BUTTONS[to];
          if (!button) return null;
          const { key, icon: ButtonIcon, color, variant, confirm } = button;
          const noAgenda = to === 'scheduled' && agendaCount === 0;
          return (
            <Button
              key={to}
              variant={variant}
              color={color}
              leftSection={<ButtonIcon size={20} />}
              loading={transition.isPending && transition.variables === to}
              disabled={transition.isPending || noAgenda}
              aria-describedby={noAgenda ? 'schedule-needs-agenda' : undefined}
              onClick={() => (confirm ? setDialog({ to, opened: true }) : void move(to))}
              data-testid={`meeting-${key}`}
            >
              {t(`meetings.lifecycle.${key}.label`)}
            </Button>
          );
        })}
      </Group>
      {targets.includes('scheduled') && agendaCount === 0 && (
        // A disabled button says why.
        <Text size="sm" c="dimmed" mt={6} id="schedule-needs-agenda" data-testid="schedule-needs-agenda">
          {t('meetings.lifecycle.schedule.needsAgenda')}
        </Text>
      )}
      <Modal
        opened={dialog?.opened ?? false}
        onClose={closeDialog}
        title={confirmKey ? t(`meetings.lifecycle.${confirmKey}.confirmTitle`) : ''}
        size="md"
      >
        <Stack gap="lg">
          <Text>{confirmKey ? t(`meetings.lifecycle.${confirmKey}.confirmBody`) : ''}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={closeDialog}>
              {t('common.cancel')}
            </Button>
            <Button
              color={dialog ? BUTTONS[dialog.to]?.color : undefined}
              onClick={() => dialog && void move(dialog.to)}
              data-testid="meeting-transition-confirm"
            >
              {confirmKey ? t(`meetings.lifecycle.${confirmKey}.label`) : ''}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
