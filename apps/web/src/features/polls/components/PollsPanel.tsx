import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { canManageAttendance, type MeetingActor, type MeetingSnapshot } from '@phonghop/common';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMyPolls } from '../hooks/use-my-polls';
import { usePollProgress } from '../hooks/use-poll-progress';
import { draftOf, emptyDraft, type PollDraft } from '../state/poll-draft';
import { pollsOf, type Poll } from '../state/poll-model';
import { BallotCard } from './BallotCard';
import { PollEditorModal } from './PollEditorModal';
import { PollManageCard } from './PollManageCard';
import { PollResults } from './PollResults';

/**
 * Voting in the room: my ballots for every open poll (mine and one per proxy I hold), the results
 * once published, and for the chair and the secretary the console that prepares, opens, closes and
 * publishes. Commands are disabled while the room is not live (the page wraps this in a fieldset).
 */
export function PollsPanel({
  snapshot,
  actor,
  live,
}: {
  snapshot: MeetingSnapshot;
  actor: MeetingActor & { userId: string };
  live: boolean;
}) {
  const { t } = useTranslation();
  const meetingId = snapshot.meeting.id;
  const polls = pollsOf(snapshot);
  const manager = canManageAttendance(actor);
  const progress = usePollProgress(meetingId);
  const version = polls.map((p) => `${p.id}:${p.status}:${p.voters}`).join(',');
  const mine = useMyPolls(meetingId, version, actor.meetingRole !== null);
  const [editing, setEditing] = useState<{ draft: PollDraft; pollId: string | null } | null>(null);
  const current = snapshot.agenda.find((i) => i.status === 'active');
  const newDraft = useMemo(() => emptyDraft(current?.id ?? null), [current?.id]);
  const nameOf = (userId: string) =>
    snapshot.participants.find((p) => p.userId === userId)?.user.fullName ?? '';

  const open = polls.filter((p) => p.status === 'open');
  const ballots = open.flatMap((poll) =>
    mine.entitlements.filter((e) => e.pollId === poll.id).map((e) => ({ poll, entitlement: e })),
  );
  const closed = polls.filter((p) => p.status === 'closed');
  const published = polls.filter((p) => p.status === 'published');
  const receiptsOf = (poll: Poll) =>
    mine.entitlements.filter((e) => e.pollId === poll.id && e.receipt).map((e) => e.receipt!);
  const inSession = snapshot.meeting.status === 'scheduled' || snapshot.meeting.status === 'live';

  if (polls.length === 0 && !(manager && (inSession || snapshot.meeting.status === 'draft'))) return null;

  return (
    <Stack gap="md" data-testid="polls-panel">
      {ballots.length > 0 && (
        <Stack gap="sm" data-testid="vote-panel">
          <Title order={2} size="h4">
            {t('polls.voteTitle')}
          </Title>
          {ballots.map(({ poll, entitlement }) => (
            <BallotCard
              key={`${poll.id}:${entitlement.proxyFor ?? 'self'}`}
              poll={poll}
              entitlement={entitlement}
              proxyName={entitlement.proxyFor ? nameOf(entitlement.proxyFor) : null}
              live={live}
              cast={{
                cast: progress[poll.id]?.cast ?? poll.cast,
                voters: progress[poll.id]?.voters ?? poll.voters,
              }}
            />
          ))}
        </Stack>
      )}

      {!manager && open.length > 0 && ballots.length === 0 && mine.loaded && (
        <Paper withBorder radius="md" p="md" data-testid="poll-not-voter">
          <Text>{t('polls.notVoter', { title: open[0].title })}</Text>
        </Paper>
      )}

      {!manager &&
        closed.map((poll) => (
          <Paper key={poll.id} withBorder radius="md" p="md" data-testid="poll-closed" data-poll={poll.id}>
            <Text fw={700}>{poll.title}</Text>
            <Text c="dimmed">{t('polls.awaitingPublication')}</Text>
          </Paper>
        ))}

      {!manager &&
        published.map((poll) => <PollResults key={poll.id} poll={poll} myReceipts={receiptsOf(poll)} />)}

      {manager && (
        <Paper withBorder radius="md" p="md" data-testid="poll-console">
          <Group justify="space-between" mb="sm" wrap="wrap">
            <Title order={2} size="h4">
              {t('polls.consoleTitle')}
            </Title>
            <Button
              leftSection={<IconPlus size={18} />}
              onClick={() => setEditing({ draft: newDraft, pollId: null })}
              data-testid="poll-new"
            >
              {t('polls.new')}
            </Button>
          </Group>
          <Stack gap="sm">
            {polls.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('polls.none')}
              </Text>
            )}
            {polls.map((poll) => (
              <PollManageCard
                key={poll.id}
                poll={poll}
                snapshot={snapshot}
                progress={progress[poll.id]}
                onEdit={(p) => setEditing({ draft: draftOf(p), pollId: p.id })}
              />
            ))}
          </Stack>
        </Paper>
      )}

      {manager && (
        <PollEditorModal
          meetingId={meetingId}
          agenda={snapshot.agenda}
          opened={editing !== null}
          initial={editing?.draft ?? newDraft}
          pollId={editing?.pollId ?? null}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
