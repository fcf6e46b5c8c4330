import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { checkTransition, type Meeting, type MeetingActor } from '@phonghop/common';
import { IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useTransitionMeeting } from '../hooks/use-meetings';

/** draft → scheduled: the invitations go out. Shown to those the lifecycle rule allows. */
export function ScheduleButton({
  meeting,
  actor,
  agendaCount,
}: {
  meeting: Meeting;
  actor: MeetingActor;
  agendaCount: number;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const transition = useTransitionMeeting(meeting.id);
  if (!checkTransition(meeting.status, 'scheduled', actor).ok) return null;

  const schedule = async () => {
    try {
      await transition.mutateAsync('scheduled');
      notifications.show({ color: 'teal', message: t('meetings.scheduled') });
    } catch (err) {
      notifications.show({ color: 'red', message: errorMessage(err) });
    }
  };

  return (
    <Button
      color="blue"
      leftSection={<IconSend size={20} />}
      loading={transition.isPending}
      disabled={agendaCount === 0}
      onClick={() => void schedule()}
      data-testid="meeting-schedule"
    >
      {t('meetings.schedule')}
    </Button>
  );
}
