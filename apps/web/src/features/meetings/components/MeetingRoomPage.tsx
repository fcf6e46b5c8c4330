import { Alert, Button, Center, Grid, Loader, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { canManageAttendance, checkSetCurrentItem } from '@phonghop/common';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useErrorMessage } from '../../../lib/use-error-message';
import { AttendancePanel } from '../../attendance/components/AttendancePanel';
import { CheckInCard } from '../../attendance/components/CheckInCard';
import { SpeakersPanel } from '../../speakers/components/SpeakersPanel';
import { PollsPanel } from '../../polls/components/PollsPanel'; // voting (issue 9)
import { useSession } from '../../auth/hooks/use-session';
import { useMeetingActor } from '../hooks/use-meeting-actor';
import { useMeetingRoom } from '../hooks/use-meeting-room';
import classes from './MeetingRoom.module.css';
import { pageTransitions } from '../state/page-transitions';
import { ChairControls } from './ChairControls';
import { CurrentItemPanel } from './CurrentItemPanel';
import { HandOverChair } from './HandOverChair';
import { MeetingLifecycleActions } from './MeetingLifecycleActions';
import { RoomAgenda } from './RoomAgenda';
import { RoomHeader } from './RoomHeader';
import { RoomPresence } from './RoomPresence';
// meeting documents and follow the presenter (issue 10, docs-web)
import { RoomDocuments } from '../../documents/components/RoomDocuments';

/** Up to this many participants the room lists who is connected; a bigger one shows the count. */
const PRESENCE_LIST_LIMIT = 60;

/**
 * The live meeting room for everyone: status, the agenda following the chair, who is connected; the
 * chair's controls for the chair. State comes only from the meeting's event log over the socket.
 * While the connection is lost (or the room is catching up after it) the room is not live: it is
 * greyed, its timer stands still and its controls are disabled, until the rejoin from the last seq.
 */
export function MeetingRoomPage() {
  const { meetingId = '' } = useParams();
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const room = useMeetingRoom(meetingId);
  const { user } = useSession();
  const myRole = room.snapshot?.participants.find((p) => p.userId === user?.id)?.role ?? null;
  const actor = useMeetingActor(myRole);
  // Who is connected (not only how many) is asked for only where it is shown: the attendance panel,
  // and the presence list of a meeting small enough to read at a glance — or a big one's on request.
  const [showWho, setShowWho] = useState(false);
  const status = room.snapshot?.meeting.status;
  const inSession = status === 'scheduled' || status === 'live';
  const small = (room.snapshot?.participants.length ?? 0) <= PRESENCE_LIST_LIMIT;
  const wantWho = inSession && (small || showWho || canManageAttendance(actor));
  const { watchPresence } = room;
  useEffect(() => watchPresence(wantWho), [watchPresence, wantWho]);

  if (!room.snapshot) {
    if (room.error && room.error !== 'NETWORK') {
      return <Alert color="red">{errorMessage({ code: room.error })}</Alert>;
    }
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  const { meeting, agenda, participants, online, onlineCount } = room.snapshot;
  const { live } = room;
  // The chair works the agenda (jump, add, reorder, skip): it gets the wider column.
  const agendaSpan = checkSetCurrentItem(meeting.status, actor).ok ? 7 : 5;

  return (
    <Stack gap="md" data-testid="meeting-room" data-seq={room.snapshot.seq} data-live={live}>
      <RoomHeader
        meeting={meeting}
        onlineCount={onlineCount}
        participantCount={participants.length}
        live={live}
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 12 - agendaSpan }}>
          <Stack gap="md">
            <CurrentItemPanel meeting={meeting} agenda={agenda} participants={participants} live={live} />
            {/* Voting (issue 9): my ballots, the results, the chair's poll console; not live → disabled. */}
            <fieldset disabled={!live} className={classes.controls}>
              <PollsPanel snapshot={room.snapshot} actor={actor} live={live} />
            </fieldset>
            {/* meeting documents and follow the presenter (issue 10, docs-web) */}
            <RoomDocuments snapshot={room.snapshot} actor={actor} live={live} />
            {/* Check-in and the floor are commands: disabled while the room is not live. */}
            <fieldset disabled={!live} className={classes.controls}>
              <Stack gap="md">
                <CheckInCard snapshot={room.snapshot} actor={actor} />
                <SpeakersPanel snapshot={room.snapshot} actor={actor} />
              </Stack>
            </fieldset>
            <ChairControls room={room} actor={actor} />
            <HandOverChair room={room} actor={actor} />
            {/* After the session: the chair or secretary closes the meeting, the secretary archives it. */}
            {(meeting.status === 'ended' || meeting.status === 'closed') &&
              pageTransitions(meeting.status, actor).length > 0 && (
                <Paper withBorder radius="md" p="md" data-testid="room-after">
                  <Text size="sm" fw={600} c="dimmed" mb="sm">
                    {t('room.afterMeeting')}
                  </Text>
                  <MeetingLifecycleActions meeting={meeting} actor={actor} agendaCount={agenda.length} />
                </Paper>
              )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: agendaSpan }}>
          <Stack gap="md">
            <RoomAgenda room={room} actor={actor} />
            <fieldset disabled={!live} className={classes.controls}>
              <AttendancePanel snapshot={room.snapshot} actor={actor} />
            </fieldset>
            {inSession ? (
              <RoomPresence
                participants={participants}
                online={online}
                onlineCount={onlineCount}
                live={live}
                listed={small || showWho}
                onToggleList={small ? undefined : () => setShowWho((v) => !v)}
              />
            ) : (
              <Button
                component={Link}
                to={`/meetings/${meeting.id}`}
                variant="light"
                data-testid="room-view-record"
              >
                {t('room.viewRecord')}
              </Button>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
