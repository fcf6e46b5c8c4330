import { AppException } from '../../common/errors/app-exception';

/**
 * Runs at most `concurrency` jobs at once; up to `maxWaiting` more wait their turn in order; beyond
 * that a job is refused (RATE_LIMITED) rather than piling up memory and temp files.
 */
export class BoundedQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly maxWaiting: number,
  ) {}

  get size(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) throw new AppException('RATE_LIMITED');
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next job; `running` only drops when nobody waits.
      if (next) next();
      else this.running--;
    }
  }
}
