import { Inject, Injectable } from '@nestjs/common';
import { RateLimitedException } from '../../common/errors/rate-limited.exception';
import { APP_CONFIG, AppConfig } from '../../config/env';

interface Lane {
  running: number;
  waiting: (() => void)[];
}

/** A refused command is told to come back after about this long (the queue drains meanwhile). */
const RETRY_AFTER_MS = 1000;

/**
 * Fair queuing of commands per meeting, on this node. One meeting's commands run one after
 * another anyway (they take the meeting's row lock), so a flood of them would only hold database
 * connections while they wait for that lock — and with the pool taken, every other meeting and
 * the sign-in page wait too. Here at most MEETING_COMMAND_CONCURRENCY commands of one meeting hold
 * a connection at a time; the rest wait in that meeting's own queue (in memory, no connection),
 * and beyond MEETING_COMMAND_QUEUE they are refused RATE_LIMITED. Other meetings never queue
 * behind it.
 */
@Injectable()
export class MeetingCommandQueue {
  private readonly lanes = new Map<string, Lane>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async run<T>(meetingId: string, work: () => Promise<T>): Promise<T> {
    const lane = this.lanes.get(meetingId) ?? { running: 0, waiting: [] };
    this.lanes.set(meetingId, lane);
    if (lane.running < this.config.MEETING_COMMAND_CONCURRENCY) {
      lane.running += 1;
    } else {
      if (lane.waiting.length >= this.config.MEETING_COMMAND_QUEUE)
        throw new RateLimitedException(RETRY_AFTER_MS);
      // The finishing command hands its slot over (running stays the same).
      await new Promise<void>((resolve) => lane.waiting.push(resolve));
    }
    try {
      return await work();
    } finally {
      const next = lane.waiting.shift();
      if (next) next();
      else {
        lane.running -= 1;
        if (lane.running === 0) this.lanes.delete(meetingId);
      }
    }
  }

  /** How many commands of one meeting may wait on this node (MEETING_COMMAND_QUEUE). */
  get maxWaiting(): number {
    return this.config.MEETING_COMMAND_QUEUE;
  }

  /** Commands of the meeting waiting on this node (for tests and diagnostics). */
  waiting(meetingId: string): number {
    return this.lanes.get(meetingId)?.waiting.length ?? 0;
  }
}
