import { Alert, Paper, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useMayOrganise, useSession } from '../../auth/hooks/use-session';
import { useCreateMeeting } from '../hooks/use-meetings';
import { MeetingDetailsForm, type MeetingDetails } from './MeetingDetailsForm';

/** A new meeting starts as a draft whose secretary is its creator; next come participants and agenda. */
export function NewMeetingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useSession();
  const errorMessage = useErrorMessage();
  const create = useCreateMeeting();
  const mayOrganise = useMayOrganise();

  const submit = async (details: MeetingDetails) => {
    try {
      const meeting = await create.mutateAsync(details);
      notifications.show({ color: 'teal', message: t('meetings.created') });
      navigate(`/meetings/${meeting.id}/edit?tab=participants`, { replace: true });
    } catch (err) {
      notifications.show({ color: 'red', message: errorMessage(err) });
    }
  };

  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t('meetings.new')}
      </Title>
      {!mayOrganise ? (
        // The real reason, before anyone fills a form the server would refuse (ORGANISER_REQUIRED).
        <Alert color="gray" title={t('blocked.title')} data-testid="blocked-reason">
          {t('blocked.newMeeting')}
        </Alert>
      ) : (
        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
          <MeetingDetailsForm
            defaultUnit={user?.unit}
            submitLabel={t('meetings.form.create')}
            submitting={create.isPending}
            onSubmit={(d) => void submit(d)}
            onCancel={() => navigate('/meetings')}
          />
        </Paper>
      )}
    </Stack>
  );
}
