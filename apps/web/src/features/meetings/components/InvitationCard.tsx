import { Alert, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { checkRespondInvitation, type Meeting, type Participant } from '@phonghop/common';
import { IconCheck, IconMailOpened, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useSession } from '../../auth/hooks/use-session';
import { useRespondInvitation } from '../hooks/use-meetings';
import { DeclineModal } from './DeclineModal';

/** My invitation: accept, or decline with a reason (lý do vắng); an answer can be changed later. */
export function InvitationCard({ meeting, participants }: { meeting: Meeting; participants: Participant[] }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const errorMessage = useErrorMessage();
  const respond = useRespondInvitation(meeting.id);
  const [declining, setDeclining] = useState(false);
  const me = participants.find((p) => p.userId === user?.id);
  if (!me || !checkRespondInvitation(meeting.status, { systemRole: 'member', meetingRole: me.role }).ok)
    return null;

  const accept = async () => {
    try {
      await respond.mutateAsync({ response: 'accepted' });
      notifications.show({ color: 'teal', message: t('invitation.acceptedToast') });
    } catch (err) {
      notifications.show({ color: 'red', message: errorMessage(err) });
    }
  };

  const color = me.invitation === 'pending' ? 'yellow' : me.invitation === 'accepted' ? 'teal' : 'gray';
  return (
    <Alert
      color={color}
      icon={<IconMailOpened />}
      title={t(`invitation.title.${me.invitation}`)}
      data-testid="invitation"
    >
      <Text size="sm" mb="sm">
        {me.invitation === 'declined'
          ? t('invitation.declinedWith', { reason: me.declineReason ?? '' })
          : t(me.invitation === 'accepted' ? 'invitation.bodyAccepted' : 'invitation.body', {
              role: t(`meetings.role.${me.role}`),
            })}
      </Text>
      <Group gap="sm">
        {me.invitation !== 'accepted' && (
          <Button
            color="teal"
            leftSection={<IconCheck size={20} />}
            loading={respond.isPending}
            onClick={() => void accept()}
            data-testid="invitation-accept"
          >
            {t('invitation.accept')}
          </Button>
        )}
        {me.invitation !== 'declined' && (
          <Button
            variant="default"
            leftSection={<IconX size={20} />}
            onClick={() => setDeclining(true)}
            data-testid="invitation-decline"
          >
            {t('invitation.decline')}
          </Button>
        )}
      </Group>
      <DeclineModal meetingId={meeting.id} opened={declining} onClose={() => setDeclining(false)} />
    </Alert>
  );
}
