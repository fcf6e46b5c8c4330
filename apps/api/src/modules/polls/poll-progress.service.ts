import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { PollProgress } from '@phonghop/common';
import { RealtimeService } from '../realtime/realtime.service';
import { rooms } from '../realtime/realtime.types';
import { PollsRepository } from './polls.repository';

/** At most one `poll.progress` per poll per this interval, from each node. */
export const PROGRESS_INTERVAL_MS = 250;

type PollFacts = { id: string; secret: boolean; showLiveTally: boolean; status: string };

/**
 * The ephemeral `poll.progress` message (not on the log): ballots cast / voters, and the live tally
 * of a named poll whose chair allows it. Coalesced: a cast marks its poll dirty; one read and one
 * broadcast per poll follow within PROGRESS_INTERVAL_MS, however many ballots came in between — a
 * vote storm of a thousand ballots a second costs four small queries a second, not a thousand
 * broadcasts. Counts come from the database, so a message from either node of a cluster is right
 * when it is read; clients keep the highest `cast` they saw (two nodes' messages may cross).
 * Sent through the sliced fan-out (RealtimeService.fanOut), as meeting events are: written to a
 * thousand sockets in one go it held up the acks of the casts arriving meanwhile by ~30 ms each
 * time (the vote-storm profile); in slices the acks go out between two slices.
 */
@Injectable()
export class PollProgressService implements OnModuleDestroy {
  private readonly logger = new Logger('PollProgress');
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly polls: PollsRepository,
    private readonly realtime: RealtimeService,
  ) {}

  onModuleDestroy(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
  }

  /** Something changed the poll's counts: broadcast them soon (once for everything until then). */
  touch(meetingId: string, poll: PollFacts): void {
    if (this.pending.has(poll.id)) return;
    const timer = setTimeout(() => {
      this.pending.delete(poll.id);
      this.read(meetingId, poll)
        .then((progress) => this.realtime.fanOut(rooms.meeting(meetingId), 'poll.progress', progress))
        .catch((err: unknown) => this.logger.warn(`progress of ${poll.id}: ${(err as Error).message}`));
    }, PROGRESS_INTERVAL_MS);
    timer.unref();
    this.pending.set(poll.id, timer);
  }

  /** The progress now. A secret poll never carries a tally; a named one only if the chair allows. */
  async read(meetingId: string, poll: PollFacts): Promise<PollProgress> {
    const withTally = !poll.secret && poll.showLiveTally;
    const { cast, voters, tally } = await this.polls.progress(poll.id, poll.secret, withTally);
    const progress: PollProgress = { meetingId, pollId: poll.id, cast, voters };
    if (tally) progress.tally = [...tally].map(([optionId, count]) => ({ optionId, count }));
    return progress;
  }
}
