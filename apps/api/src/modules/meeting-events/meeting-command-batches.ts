import { RateLimitedException } from '../../common/errors/rate-limited.exception';
import { MeetingCommandQueue } from './meeting-command-queue';

/** How one item of a batch ended. */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

export function settle<R>(work: Promise<R>): Promise<Settled<R>> {
  return work.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
}

/** An item refused because its meeting's queue is full is told to come back after this long. */
const RETRY_AFTER_MS = 1000;

interface Waiting<T, R> {
  item: T;
  resolve(value: R): void;
  reject(err: unknown): void;
}

/**
 * Group commit's waiting line, on top of the meeting's queue (MeetingCommandQueue): an item that
 * finds its meeting's queue free gets a slot at once, alone; items that arrive while the slots are
 * taken gather, and the gathering takes the next free slot as one batch (at most `maxBatch`).
 * `runBatch` answers one outcome per item, in order; each caller is answered once the batch's slot
 * is free again, so a caller's next command finds it free. The queue's bound
 * (MEETING_COMMAND_QUEUE) counts items, however they are grouped.
 */
export class MeetingCommandBatches<T, R> {
  /** Per meeting: the batch still gathering (it has not had its turn yet). */
  private readonly gathering = new Map<string, Waiting<T, R>[]>();
  /** Per meeting: items that have not had their turn yet. */
  private readonly waiting = new Map<string, number>();

  constructor(
    private readonly queue: MeetingCommandQueue,
    private readonly runBatch: (items: T[]) => Promise<Settled<R>[]>,
    private readonly maxBatch: number,
  ) {}

  submit(meetingId: string, item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const waiting = this.waiting.get(meetingId) ?? 0;
      if (waiting > 0 && waiting >= this.queue.maxWaiting) {
        reject(new RateLimitedException(RETRY_AFTER_MS));
        return;
      }
      this.waiting.set(meetingId, waiting + 1);
      const entry = { item, resolve, reject };
      const gathering = this.gathering.get(meetingId);
      if (gathering && gathering.length < this.maxBatch) {
        gathering.push(entry);
        return;
      }
      const batch = [entry];
      this.gathering.set(meetingId, batch);
      const leave = () => {
        // The batch leaves the waiting line: items arriving from here on gather for the next turn.
        if (this.gathering.get(meetingId) === batch) this.gathering.delete(meetingId);
        const left = (this.waiting.get(meetingId) ?? 0) - batch.length;
        if (left > 0) this.waiting.set(meetingId, left);
        else this.waiting.delete(meetingId);
      };
      this.queue
        .run(meetingId, () => {
          leave();
          return this.runBatch(batch.map((w) => w.item));
        })
        .then(
          (outcomes) =>
            batch.forEach((w, i) => {
              const o = outcomes[i];
              if (o.ok) w.resolve(o.value);
              else w.reject(o.error);
            }),
          (err: unknown) => {
            // Refused by the queue (RATE_LIMITED): the whole gathering is refused.
            leave();
            batch.forEach((w) => w.reject(err));
          },
        );
    });
  }
}
