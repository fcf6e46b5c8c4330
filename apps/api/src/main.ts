import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { ConfigError, parseEnv, resolveConfig } from './config/env';
import { dataSourceOptions, runMigrations } from './database/data-source';
import { RunningDatabase, startEmbeddedPostgres } from './database/embedded-postgres';
import { seedDemo, DEMO_SIGN_INS } from './database/seed/demo-seed';
import { createApp } from './server';

/** The JWT secret when none is configured: generated once, kept under DATA_DIR so tokens survive a restart. */
function persistedJwtSecret(dataDir: string): string | undefined {
  const file = path.join(dataDir, 'jwt-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  return undefined;
}

async function main(): Promise<void> {
  let env;
  try {
    env = parseEnv(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }
  const dataDir = path.resolve(env.DATA_DIR);
  fs.mkdirSync(dataDir, { recursive: true });
  const config = resolveConfig(env, persistedJwtSecret(dataDir));
  if (!env.JWT_SECRET) fs.writeFileSync(path.join(dataDir, 'jwt-secret'), config.JWT_SECRET, { mode: 0o600 });

  let embedded: RunningDatabase | undefined;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    console.log(`Starting embedded PostgreSQL in ${path.join(dataDir, 'postgres')} …`);
    embedded = await startEmbeddedPostgres({ dataDir, port: config.EMBEDDED_PG_PORT });
    databaseUrl = embedded.url;
  }

  const ran = await runMigrations(databaseUrl);
  if (ran.length) console.log(`Migrations applied: ${ran.join(', ')}`);

  let seeded = false;
  if (config.SEED_DEMO) {
    const ds = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
    try {
      seeded = await seedDemo(ds, config.DEMO_PASSWORD);
    } finally {
      await ds.destroy();
    }
  }

  const app = await createApp(config, databaseUrl);
  await app.listen(config.PORT, config.HOST);
  const url = `http://localhost:${config.PORT}`;
  console.log(`\nPhòng họp thông minh is running at ${url}  (API ${url}/api/v1, docs ${url}/api/docs)`);
  if (config.SEED_DEMO) {
    console.log(
      `${seeded ? 'Seeded' : 'Demo'} ward "Phường Vĩnh Phúc" — sign in with password "${config.DEMO_PASSWORD}":`,
    );
    for (const line of DEMO_SIGN_INS) console.log(`  ${line}`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received, stopping …`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await app.close();
      await embedded?.stop();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
