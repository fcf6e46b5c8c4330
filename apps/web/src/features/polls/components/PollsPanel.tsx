import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import {
  canSeeUnpublishedResult,
  checkPreparePoll,
  type MeetingActor,
  type MeetingSnapshot,
} from '@phonghop/common';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePollProgress } from '../hooks/use-poll-progress';
import { draftOf, emptyDraft, type PollDraft } from '../state/poll-draft';
import { pollsOf } from '../state/poll-model';
import type { Poll } from '@phonghop/common';
import { receiptsOf } from '../state/receipts';
import { PollBallots } from './PollBallots';
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
  // The chair and the secretary run the votes (and see a result from the close).
  const manager = canSeeUnpublishedResult(actor);
  const progress = usePollProgress(meetingId);
  const [editing, setEditing] = useState<{ draft: PollDraft; pollId: string | null } | null>(null);
  const current = snapshot.agenda.find((i) => i.status === 'active');
  const newDraft = useMemo(() => emptyDraft(current?.id ?? null), [current?.id]);

  const open = polls.filter((p) => p.status === 'open');
  const mineOpen = open.filter((p) => p.voters.some((v) => v.holderId === actor.userId));
  const notMine = open.filter((p) => !p.voters.some((v) => v.holderId === actor.userId));
  const closed = polls.filter((p) => p.status === 'closed');
  const published = polls.filter((p) => p.status === 'published');
  const myReceipts = (poll: Poll) => receiptsOf(poll, actor.userId);
  const preparing = checkPreparePoll(snapshot.meeting.status, actor).ok;

  if (polls.length === 0 && !(manager && preparing)) return null;

  return (
    <Stack gap="md" data-testid="polls-panel">
      {mineOpen.length > 0 && (
        <Stack gap="sm" data-testid="vote-panel">
          <Title order={2} size="h4">
            {t('polls.voteTitle')}
          </Title>
          {mineOpen.map((poll) => (
            <PollBallots
              key={poll.id}
              poll={poll}
              snapshot={snapshot}
              userId={actor.userId}
              progress={progress[poll.id]}
              live={live}
            />
          ))}
        </Stack>
      )}

      {!manager &&
        notMine.map((poll) => (
          <Paper key={poll.id} withBorder radius="md" p="md" data-testid="poll-not-voter" data-poll={poll.id}>
            <Text>{t('polls.notVoter', { title: poll.title })}</Text>
          </Paper>
        ))}

      {!manager &&
        closed.map((poll) => (
          <Paper key={poll.id} withBorder radius="md" p="md" data-testid="poll-closed" data-poll={poll.id}>
            <Text fw={700}>{poll.title}</Text>
            <Text c="dimmed">{t('polls.awaitingPublication')}</Text>
          </Paper>
        ))}

      {!manager &&
        published.map((poll) => (
          <PollResults
            key={poll.id}
            poll={poll}
            participants={snapshot.participants}
            myReceipts={myReceipts(poll)}
          />
        ))}

      {manager && (
        <Paper withBorder radius="md" p="md" data-testid="poll-console">
          <Group justify="space-between" mb="sm" wrap="wrap">
            <Title order={2} size="h4">
              {t('polls.consoleTitle')}
            </Title>
            {preparing && (
              <Button
                leftSection={<IconPlus size={18} />}
                onClick={() => setEditing({ draft: newDraft, pollId: null })}
                data-testid="poll-new"
              >
                {t('polls.new')}
              </Button>
            )}
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
                actor={actor}
                progress={progress[poll.id]}
                myReceipts={myReceipts(poll)}
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
