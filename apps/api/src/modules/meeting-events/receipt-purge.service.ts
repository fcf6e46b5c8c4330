import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/env';
import { MeetingEventsRepository } from './meeting-events.repository';

/** How often the purge runs; receipts are judged by age in days, so hourly is plenty. */
const PURGE_EVERY_MS = 60 * 60 * 1000;
/** First run shortly after start, not during it (migrations and the seed come first). */
const FIRST_PURGE_AFTER_MS = 60 * 1000;
const BATCH_SIZE = 5000;

/**
 * Idempotency receipts exist so that a retry after a lost acknowledgement acts once. Retries come
 * within seconds or minutes; receipts are kept for IDEMPOTENCY_RETENTION_DAYS (default 7) and then
 * deleted in the background, so the table does not grow with every command ever run. Several API
 * nodes may purge at once: the deletes are idempotent and batched.
 */
@Injectable()
export class ReceiptPurgeService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ReceiptPurge');
  private timers: NodeJS.Timeout[] = [];
  private running?: Promise<number>;

  constructor(
    private readonly events: MeetingEventsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // unref: a pending purge never keeps the process (or a test) alive.
    this.timers.push(setTimeout(() => void this.purgeNow(), FIRST_PURGE_AFTER_MS).unref());
    this.timers.push(setInterval(() => void this.purgeNow(), PURGE_EVERY_MS).unref());
  }

  /** Runs one purge (or joins the one under way); resolves with the number of receipts deleted. */
  purgeNow(): Promise<number> {
    this.running ??= this.events
      .purgeReceipts(this.config.IDEMPOTENCY_RETENTION_DAYS, BATCH_SIZE)
      .then((deleted) => {
        if (deleted > 0) this.logger.log(`purged ${deleted} idempotency receipt(s)`);
        return deleted;
      })
      .catch((err: Error) => {
        this.logger.warn(`receipt purge failed (will retry): ${err.message}`);
        return 0;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  onModuleDestroy(): void {
    this.timers.forEach(clearTimeout);
    this.timers = [];
  }
}
