import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { RespondInvitationRequestSchema } from '@phonghop/common';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../lib/field-errors';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useRespondInvitation } from '../hooks/use-meetings';

export function DeclineModal({
  meetingId,
  opened,
  onClose,
}: {
  meetingId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const respond = useRespondInvitation(meetingId);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    if (opened) {
      setReason('');
      setError(undefined);
    }
  }, [opened]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = RespondInvitationRequestSchema.safeParse({ response: 'declined', reason });
    if (!parsed.success) return setError(fieldErrors(parsed.error, t).reason);
    try {
      await respond.mutateAsync(parsed.data);
      notifications.show({ color: 'teal', message: t('invitation.declinedToast') });
      onClose();
    } catch (err) {
      notifications.show({ color: 'red', message: errorMessage(err) });
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('invitation.declineTitle')}>
      <form onSubmit={submit} noValidate data-testid="decline-form">
        <Stack gap="md">
          <Textarea
            name="reason"
            label={t('invitation.reason')}
            placeholder={t('invitation.reasonPlaceholder')}
            autosize
            minRows={3}
            required
            value={reason}
            error={error}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={respond.isPending} data-testid="decline-submit">
              {t('invitation.decline')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
