import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

const PROBE_TIMEOUT_MS = 2000;

/**
 * The health check's own PostgreSQL connection, outside the pool: when a flood of commands holds
 * every pooled connection, `/health` must still say whether the database answers — not wait
 * behind the flood and report it down. Opened on first use, dropped and reopened after an error.
 */
@Injectable()
export class HealthProbe implements OnModuleDestroy {
  private client: Promise<Client> | null = null;

  constructor(private readonly dataSource: DataSource) {}

  async databaseUp(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
      timer.unref();
    });
    const probe = this.connection()
      .then((c) => c.query('SELECT 1'))
      .then(
        () => true,
        () => {
          this.reset();
          return false;
        },
      );
    try {
      return await Promise.race([probe, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private connection(): Promise<Client> {
    this.client ??= (async () => {
      const options = this.dataSource.options as { url?: string };
      const client = new Client({
        connectionString: options.url,
        application_name: 'phonghop-health',
        connectionTimeoutMillis: PROBE_TIMEOUT_MS,
      });
      client.on('error', () => this.reset());
      await client.connect();
      return client;
    })();
    this.client.catch(() => this.reset());
    return this.client;
  }

  private reset(): void {
    const old = this.client;
    this.client = null;
    void old?.then((c) => c.end()).catch(() => undefined);
  }

  async onModuleDestroy(): Promise<void> {
    const old = this.client;
    this.client = null;
    await old?.then((c) => c.end()).catch(() => undefined);
  }
}
