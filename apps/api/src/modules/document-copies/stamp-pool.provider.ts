import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/env';
import { StampPool } from './stamp/stamp-pool';

/**
 * The node's one stamping pool: one thread kept warm (not under NODE_ENV=test, where dozens of
 * short-lived apps would each start one), more on demand, leaving when idle.
 */
@Injectable()
export class StampPoolProvider extends StampPool implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('StampPool');
  private warming: Promise<void> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super(undefined, config.NODE_ENV !== 'test');
  }

  /** Warms the pool in the background: the node serves meanwhile (a copy asked for waits its turn). */
  onApplicationBootstrap(): void {
    if (this.config.NODE_ENV === 'test') return;
    this.warming = this.warmUp().catch((err: unknown) =>
      this.logger.warn(`warm-up failed: ${err instanceof Error ? err.message : String(err)}`),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.warming;
    await this.close();
  }
}
