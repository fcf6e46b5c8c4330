import { Badge, Button, Group, Paper, Progress, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  checkAddPollVoter,
  checkClosePoll,
  checkOpenPoll,
  checkPreparePoll,
  checkPublishPoll,
  computeQuorum,
  isPresentStatus,
  isVotingRole,
  type MeetingActor,
  type MeetingSnapshot,
} from '@phonghop/common';
import {
  IconEdit,
  IconLock,
  IconPlayerPlay,
  IconSpeakerphone,
  IconTrash,
  IconUserPlus,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { errorCodeOf } from '../../../lib/api-error';
import { useErrorMessage } from '../../../lib/use-error-message';
import { usePollCommands } from '../hooks/use-poll-commands';
import { usePollMine } from '../hooks/use-poll-mine';
import { optionLabel } from '../state/labels';
import type { Poll, PollProgress } from '@phonghop/common';
import { ruleText, tallyRows, turnout } from '../state/results-view';
import { PollResults } from './PollResults';
import { ResultsChart } from './ResultsChart';

const STATUS_COLOR = { draft: 'gray.7', open: 'teal.8', closed: 'orange.9', published: 'blue.8' } as const;

/**
 * One poll in the chair's and secretary's console: edit or delete the draft, open it (quorum
 * checked: a warning and a confirmation that goes on the log), watch the progress live, add a late
 * voter, close it, publish the result.
 */
export function PollManageCard({
  poll,
  snapshot,
  actor,
  progress,
  myReceipts,
  onEdit,
}: {
  poll: Poll;
  snapshot: MeetingSnapshot;
  actor: MeetingActor;
  progress: PollProgress | undefined;
  myReceipts: string[];
  onEdit: (poll: Poll) => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const commands = usePollCommands(snapshot.meeting.id);
  const [confirm, setConfirm] = useState<null | 'noQuorum' | 'close' | 'delete' | 'publish'>(null);
  const [busy, setBusy] = useState(false);
  const [lateVoter, setLateVoter] = useState<string | null>(null);
  const quorum = computeQuorum(
    snapshot.participants,
    snapshot.attendance.records,
    snapshot.attendance.settings,
  );
  // A console opened mid-poll reads the progress once (poll.mine); poll.progress keeps it current.
  const mine = usePollMine(poll.meetingId, poll.id, String(poll.voters.length), poll.status === 'open');
  const latest = progress ?? mine?.progress ?? undefined;
  const { cast, voters } = turnout(poll, latest);
  // The shared rules hide what I may not do; the server decides.
  const meetingStatus = snapshot.meeting.status;
  const can = {
    prepare: checkPreparePoll(meetingStatus, actor, poll.status).ok,
    open: checkOpenPoll(meetingStatus, actor, poll.status).ok,
    /** The chair's role, whatever the meeting's state (the button shows, disabled until live). */
    chairs: checkOpenPoll('live', actor, 'draft').ok,
    close: checkClosePoll(actor, poll.status).ok,
    publish: checkPublishPoll(actor, poll.status).ok,
    addVoter: checkAddPollVoter(actor, poll.status).ok,
  };
  const statusOf = (userId: string) => snapshot.attendance.records.find((r) => r.userId === userId)?.status;
  const lateCandidates = snapshot.participants.filter(
    (p) =>
      isVotingRole(p.role) &&
      isPresentStatus(statusOf(p.userId)) &&
      !poll.voters.some((v) => v.userId === p.userId),
  );
  const item = snapshot.agenda.find((i) => i.id === poll.agendaItemId);
  const rule = ruleText(poll.rule);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (err) {
      if (errorCodeOf(err) === 'QUORUM_NOT_REACHED') setConfirm('noQuorum');
      else notifications.show({ color: 'red', message: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };
  const open = () => {
    if (!quorum.reached) setConfirm('noQuorum');
    else void run(() => commands.open(poll.id, false));
  };

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      data-testid="poll-manage"
      data-poll={poll.id}
      data-status={poll.status}
    >
      <Stack gap="sm">
        {/* Status first, then the title on the whole width: the console's column is narrow. */}
        <Group gap="xs" wrap="wrap">
          <Badge color={STATUS_COLOR[poll.status]} variant="filled" data-testid="poll-status">
            {t(`polls.status.${poll.status}`)}
          </Badge>
          <Badge color={poll.secret ? 'dark.9' : 'blue.9'} variant="outline">
            {poll.secret ? t('polls.secret') : t('polls.named')}
          </Badge>
        </Group>
        <Stack gap={2}>
          <Title order={3} size="h5" style={{ overflowWrap: 'anywhere' }}>
            {poll.title}
          </Title>
          <Text size="sm" c="dimmed">
            {item ? `${item.position}. ${item.title} · ` : ''}
            {t(`polls.kind.${poll.kind}`)} · {t(rule.key, rule.values)}
          </Text>
        </Stack>

        {poll.status === 'draft' && (
          <Text size="sm">
            {poll.kind === 'yes_no_abstain'
              ? t('polls.choicesYesNo')
              : poll.options.map((o) => o.label).join(' · ')}
          </Text>
        )}

        {(poll.status === 'open' || poll.status === 'closed') && (
          <Stack gap={4} data-testid="poll-progress" data-cast={cast} data-voters={voters}>
            <Group justify="space-between">
              <Text fw={700} size="lg">
                {t('polls.progress', { cast, voters })}
              </Text>
              {poll.status === 'open' && (
                <Text size="sm" c="dimmed">
                  {t('polls.waitingFor', { n: Math.max(0, voters - cast) })}
                </Text>
              )}
            </Group>
            <Progress
              value={voters === 0 ? 0 : (100 * cast) / voters}
              size="lg"
              color="teal.8"
              aria-label={t('polls.progressLabel')}
            />
          </Stack>
        )}

        {poll.status === 'open' && !poll.secret && poll.showLiveTally && latest?.tally && (
          <ResultsChart
            rows={tallyRows(poll, latest.tally, cast, (p, id) => optionLabel(t, p, id))}
            denominatorLabel={t('polls.liveTallyCaption')}
          />
        )}

        {/* The chair and the secretary see the result from the close; everyone else from publication. */}
        {(poll.status === 'closed' || poll.status === 'published') && (
          <PollResults poll={poll} participants={snapshot.participants} myReceipts={myReceipts} embedded />
        )}

        <Group gap="sm" wrap="wrap">
          {poll.status === 'draft' && can.chairs && (
            <Button
              size="md"
              leftSection={<IconPlayerPlay size={18} />}
              disabled={!can.open || busy}
              onClick={open}
              data-testid="poll-open"
            >
              {t('polls.actions.open')}
            </Button>
          )}
          {can.prepare && (
            <>
              <Button
                size="md"
                variant="default"
                leftSection={<IconEdit size={18} />}
                onClick={() => onEdit(poll)}
                data-testid="poll-edit"
              >
                {t('polls.actions.edit')}
              </Button>
              <Button
                size="md"
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={18} />}
                onClick={() => setConfirm('delete')}
                data-testid="poll-delete"
              >
                {t('polls.actions.delete')}
              </Button>
            </>
          )}
          {can.close && (
            <Button
              size="md"
              color="orange.9"
              leftSection={<IconLock size={18} />}
              disabled={busy}
              onClick={() => setConfirm('close')}
              data-testid="poll-close"
            >
              {t('polls.actions.close')}
            </Button>
          )}
          {can.publish && (
            <Button
              size="md"
              leftSection={<IconSpeakerphone size={18} />}
              disabled={busy}
              onClick={() => setConfirm('publish')}
              data-testid="poll-publish"
            >
              {t('polls.actions.publish')}
            </Button>
          )}
        </Group>

        {poll.status === 'draft' && can.chairs && !can.open && (
          <Text size="sm" c="dimmed">
            {t('polls.openWhenLive')}
          </Text>
        )}

        {can.addVoter && (
          <Group gap="xs" wrap="nowrap" align="flex-end">
            <Select
              flex={1}
              label={t('polls.addVoter')}
              placeholder={
                lateCandidates.length > 0 ? t('polls.addVoterPlaceholder') : t('polls.addVoterNone')
              }
              data={lateCandidates.map((p) => ({ value: p.userId, label: p.user.fullName }))}
              value={lateVoter}
              onChange={setLateVoter}
              searchable
              comboboxProps={{ withinPortal: true }}
              data-testid="poll-late-voter"
            />
            <Button
              variant="light"
              leftSection={<IconUserPlus size={16} />}
              disabled={!lateVoter || busy}
              onClick={() =>
                lateVoter &&
                void run(async () => {
                  await commands.addVoter(poll.id, lateVoter);
                  setLateVoter(null);
                  notifications.show({ color: 'teal', message: t('polls.voterAdded') });
                })
              }
              data-testid="poll-add-voter"
            >
              {t('polls.add')}
            </Button>
          </Group>
        )}
      </Stack>

      <ConfirmModal
        opened={confirm === 'noQuorum'}
        title={t('polls.confirm.noQuorumTitle')}
        body={t('polls.confirm.noQuorumBody', {
          counted: quorum.counted,
          expected: quorum.expected,
          required: quorum.required,
        })}
        confirmLabel={t('polls.confirm.openAnyway')}
        color="orange"
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          setConfirm(null);
          void run(() => commands.open(poll.id, true));
        }}
        testId="poll-no-quorum"
      />
      <ConfirmModal
        opened={confirm === 'close'}
        title={t('polls.confirm.closeTitle')}
        body={t('polls.confirm.closeBody', { cast, voters })}
        confirmLabel={t('polls.actions.close')}
        color="orange"
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          setConfirm(null);
          void run(() => commands.close(poll.id));
        }}
        testId="poll-close-confirm"
      />
      <ConfirmModal
        opened={confirm === 'publish'}
        title={t('polls.confirm.publishTitle')}
        body={t('polls.confirm.publishBody')}
        confirmLabel={t('polls.actions.publish')}
        color="blue"
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          setConfirm(null);
          void run(() => commands.publish(poll.id));
        }}
        testId="poll-publish-confirm"
      />
      <ConfirmModal
        opened={confirm === 'delete'}
        title={t('polls.confirm.deleteTitle')}
        body={t('polls.confirm.deleteBody', { title: poll.title })}
        confirmLabel={t('polls.actions.delete')}
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          setConfirm(null);
          void run(() => commands.remove(poll.id));
        }}
        testId="poll-delete-confirm"
      />
    </Paper>
  );
}
