import { Alert, Anchor, Center, Group, Loader, Paper, Stack, Tabs, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { checkEditAgenda, checkEditDetails, checkManageParticipants } from '@phonghop/common';
import { IconChevronLeft, IconInfoCircle, IconListNumbers, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useMeetingActor } from '../hooks/use-meeting-actor';
import { useMeeting, useUpdateMeeting } from '../hooks/use-meetings';
import { AgendaBuilder } from './AgendaBuilder';
import { MeetingStatusBadge } from './MeetingBadges';
import { MeetingDetailsForm, type MeetingDetails } from './MeetingDetailsForm';
import { ParticipantsEditor } from './ParticipantsEditor';
import { MeetingLifecycleActions } from './MeetingLifecycleActions';

const TABS = ['details', 'participants', 'agenda'] as const;
type EditorTab = (typeof TABS)[number];

/** The secretary's console: details, participants and the agenda, then scheduling (invitations). */
export function MeetingEditorPage() {
  const { meetingId = '' } = useParams();
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const tab: EditorTab = TABS.find((x) => x === params.get('tab')) ?? 'details';
  const detail = useMeeting(meetingId);
  const update = useUpdateMeeting(meetingId);
  const actor = useMeetingActor(detail.data?.myRole);

  if (detail.isPending) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  if (detail.error) return <Alert color="red">{errorMessage(detail.error)}</Alert>;
  const { meeting, participants, agenda } = detail.data;
  // Why this person cannot change the meeting, if they cannot: the role first, then the status.
  const editCheck = checkEditDetails(meeting.status, actor);
  const blockedReason = editCheck.ok
    ? null
    : editCheck.code === 'MEETING_ROLE_REQUIRED'
      ? t('blocked.editorRole')
      : t('blocked.editorStatus', { status: t(`meetings.status.${meeting.status}`) });

  const saveDetails = async (details: MeetingDetails) => {
    try {
      await update.mutateAsync(details);
      notifications.show({ color: 'teal', message: t('meetings.saved') });
    } catch (err) {
      notifications.show({ color: 'red', message: errorMessage(err) });
    }
  };

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/meetings/${meeting.id}`} size="sm">
        <IconChevronLeft size={14} /> {t('meetings.backToMeeting')}
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={6} flex="1 1 280px" miw={0}>
          <MeetingStatusBadge status={meeting.status} size="lg" />
          <Title order={1} size="h2" data-testid="meeting-title">
            {meeting.title}
          </Title>
        </Stack>
        <div>
          <MeetingLifecycleActions meeting={meeting} actor={actor} agendaCount={agenda.length} />
        </div>
      </Group>
      {blockedReason && (
        <Alert color="gray" title={t('blocked.title')} data-testid="blocked-reason">
          {blockedReason}
        </Alert>
      )}
      <Tabs
        value={tab}
        onChange={(value) => setParams({ tab: value ?? 'details' }, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="details" leftSection={<IconInfoCircle size={20} />} data-testid="tab-details">
            {t('editor.details')}
          </Tabs.Tab>
          <Tabs.Tab value="participants" leftSection={<IconUsers size={20} />} data-testid="tab-participants">
            {t('editor.participants', { count: participants.length })}
          </Tabs.Tab>
          <Tabs.Tab value="agenda" leftSection={<IconListNumbers size={20} />} data-testid="tab-agenda">
            {t('editor.agenda', { count: agenda.length })}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details" pt="lg">
          <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
            {checkEditDetails(meeting.status, actor).ok ? (
              <MeetingDetailsForm
                key={meeting.lastSeq}
                meeting={meeting}
                submitLabel={t('common.save')}
                submitting={update.isPending}
                onSubmit={(d) => void saveDetails(d)}
              />
            ) : (
              // The reason is said once, above the tabs; the details are read on the meeting's page.
              <Anchor component={Link} to={`/meetings/${meeting.id}`}>
                {t('meetings.backToMeeting')}
              </Anchor>
            )}
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="participants" pt="lg">
          <ParticipantsEditor
            meetingId={meeting.id}
            participants={participants}
            editable={checkManageParticipants(meeting.status, actor).ok}
            invitationsSent={meeting.status !== 'draft'}
          />
        </Tabs.Panel>
        <Tabs.Panel value="agenda" pt="lg">
          <AgendaBuilder
            meetingId={meeting.id}
            agenda={agenda}
            participants={participants}
            editable={checkEditAgenda(meeting.status, actor).ok}
          />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
