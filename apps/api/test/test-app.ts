import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import type { Clock } from '../src/common/clock/clock';
import { AppConfig, parseEnv, resolveConfig } from '../src/config/env';
import { createApp } from '../src/server';
import { createTestDatabase, TestDatabase } from './test-database';

export interface TestApp {
  app: INestApplication;
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  config: AppConfig;
  db: TestDatabase;
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * The real application (same wiring as `main.ts`) on its own cloned database, listening on a
 * random port. `env` overrides environment variables (e.g. REDIS_URL, LOG_LEVEL); `clock` sets the
 * time the meeting lists are computed at (a TestClock).
 */
export async function startTestApp(
  options: { env?: Record<string, string>; db?: TestDatabase; clock?: Clock } = {},
): Promise<TestApp> {
  const db = options.db ?? (await createTestDatabase());
  const env = parseEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    PORT: '0',
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    DATABASE_URL: db.url,
    WEB_DIST_DIR: '/nonexistent',
    ...options.env,
  });
  const config = resolveConfig(env);
  const app = await createApp(config, db.url, { clock: options.clock });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const dataSource = app.get(DataSource);
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    config,
    db,
    dataSource,
    close: async () => {
      await app.close();
      if (!options.db) await db.drop();
    },
  };
}
