import { Alert, Button, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useErrorMessage } from '../../../lib/use-error-message';
import { attendanceApi } from '../api/attendance-api';

/** Where the room's QR code leads (after sign-in): checks the person in once, then offers the room. */
export function CheckInPage() {
  const { meetingId = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('t') ?? '';
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [state, setState] = useState<{ status: 'busy' | 'done' | 'failed'; message?: string }>({
    status: 'busy',
  });
  const sent = useRef(false);

  useEffect(() => {
    // Once per page load (React's strict mode mounts twice in development).
    if (sent.current) return;
    sent.current = true;
    attendanceApi
      .qrCheckIn(meetingId, token)
      .then(() => setState({ status: 'done' }))
      .catch((err) => setState({ status: 'failed', message: errorMessage(err) }));
  }, [meetingId, token, errorMessage]);

  return (
    <Center py="xl">
      <Paper
        withBorder
        radius="md"
        p="xl"
        maw={480}
        w="100%"
        data-testid="qr-check-in"
        data-status={state.status}
      >
        <Stack gap="md" align="center">
          <Title order={1} size="h3">
            {t('attendance.qrTitle')}
          </Title>
          {state.status === 'busy' && <Loader />}
          {state.status === 'done' && (
            <>
              <IconCircleCheck size={64} color="var(--mantine-color-teal-8)" aria-hidden />
              <Text fw={600} size="lg" ta="center">
                {t('attendance.qrDone')}
              </Text>
            </>
          )}
          {state.status === 'failed' && (
            <Alert color="red" w="100%">
              {state.message}
            </Alert>
          )}
          <Button component={Link} to={`/meetings/${meetingId}/room`} size="lg" fullWidth variant="light">
            {t('attendance.qrToRoom')}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
