import { Alert, Anchor, Box, Center, Grid, Loader, Stack } from '@mantine/core';
import { IconChevronLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useIsAdmin } from '../../auth/hooks/use-session';
import { DisplayTokensPanel } from '../../display/DisplayTokensPanel';
import { MeetingPollResults } from '../../polls/components/MeetingPollResults'; // voting (issue 9)
import { useMeeting } from '../hooks/use-meetings';
import { AgendaOverview } from './AgendaOverview';
import { InvitationCard } from './InvitationCard';
import { MeetingHeader } from './MeetingHeader';
import { MeetingRecordPanel } from './MeetingRecordPanel';
import { ParticipantList } from './ParticipantList';
// meeting documents (issue 10, docs-web)
import { MeetingDocuments } from '../../documents/components/MeetingDocuments';
import { useMeetingActor } from '../hooks/use-meeting-actor';

/** After the session a meeting's page is its record: what happened, read-only, no live presence. */
const OVER: readonly string[] = ['ended', 'closed', 'archived'];

/** One meeting for everyone in it: details, my invitation, agenda and participants. */
export function MeetingPage() {
  const { meetingId = '' } = useParams();
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const detail = useMeeting(meetingId);
  const isAdmin = useIsAdmin();
  const actor = useMeetingActor(detail.data?.myRole); // meeting documents (issue 10, docs-web)

  if (detail.isPending) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  if (detail.error) return <Alert color="red">{errorMessage(detail.error)}</Alert>;
  const { meeting, participants, agenda, myRole } = detail.data;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/meetings" size="sm">
        <IconChevronLeft size={14} /> {t('meetings.backToList')}
      </Anchor>
      <MeetingHeader meeting={meeting} myRole={myRole} agendaCount={agenda.length} />
      <InvitationCard meeting={meeting} participants={participants} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          {OVER.includes(meeting.status) ? (
            <MeetingRecordPanel meeting={meeting} agenda={agenda} participants={participants} />
          ) : (
            <AgendaOverview agenda={agenda} participants={participants} />
          )}
          {/* Voting (issue 9): the published results of the meeting's polls. */}
          <MeetingPollResults detail={detail.data} />
          {/* meeting documents (issue 10, docs-web) */}
          <Box mt="lg">
            <MeetingDocuments detail={detail.data} actor={actor} />
          </Box>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <ParticipantList participants={participants} showInvitations={meeting.status !== 'draft'} />
            {isAdmin && !OVER.includes(meeting.status) && <DisplayTokensPanel meetingId={meeting.id} />}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
