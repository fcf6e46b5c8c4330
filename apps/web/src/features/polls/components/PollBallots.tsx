import { Stack } from '@mantine/core';
import type { MeetingSnapshot } from '@phonghop/common';
import { usePollMine } from '../hooks/use-poll-mine';
import type { Poll, PollProgress } from '@phonghop/common';
import { readReceipt } from '../state/receipts';
import { turnout } from '../state/results-view';
import { BallotCard } from './BallotCard';

/**
 * My ballots in one open poll: mine and one per proxy I hold (from the poll's voters in the
 * snapshot), each with what `poll.mine` says of it — or, for a secret poll, the receipt this tablet
 * kept when it cast it.
 */
export function PollBallots({
  poll,
  snapshot,
  userId,
  progress,
  live,
}: {
  poll: Poll;
  snapshot: MeetingSnapshot;
  userId: string;
  progress: PollProgress | undefined;
  live: boolean;
}) {
  const held = poll.voters.filter((v) => v.holderId === userId);
  const version = held.map((v) => v.userId).join(',');
  const mine = usePollMine(poll.meetingId, poll.id, version);
  const nameOf = (id: string) => snapshot.participants.find((p) => p.userId === id)?.user.fullName ?? '';
  const counts = turnout(poll, progress ?? mine?.progress ?? undefined);
  // My own ballot first, then the proxies.
  const ordered = [...held].sort((a, b) => Number(a.userId !== userId) - Number(b.userId !== userId));

  return (
    <Stack gap="sm">
      {ordered.map((voter) => {
        const known = mine?.entitlements.find((e) => e.userId === voter.userId);
        return (
          <BallotCard
            key={voter.userId}
            poll={poll}
            userId={voter.userId}
            known={{
              cast: known?.cast ?? false,
              receipt: known?.receipt ?? (known?.cast ? readReceipt(poll.id, voter.userId) : null),
              choices: known?.choices ?? null,
            }}
            proxyName={voter.userId === userId ? null : nameOf(voter.userId)}
            live={live}
            cast={counts}
          />
        );
      })}
    </Stack>
  );
}
