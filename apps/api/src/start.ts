import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { AppConfig, ConfigError, parseEnv, resolveConfig } from './config/env';
import { dataSourceOptions, runMigrations } from './database/data-source';
import { RunningDatabase, startEmbeddedPostgres } from './database/embedded-postgres';
import { seedDemo } from './database/seed/demo-seed';
import { createApp } from './server';
import { describeError, StartupError, startupStep } from './startup-error';

export interface RunningServer {
  app: INestApplication;
  config: AppConfig;
  /** The embedded PostgreSQL, when DATABASE_URL is unset. */
  embedded?: RunningDatabase;
  /** Whether the demo ward was seeded by this start. */
  seeded: boolean;
  /** Stops the app, then the embedded database. */
  stop(): Promise<void>;
}

/** The JWT secret when none is configured: generated once, kept under DATA_DIR so tokens survive a restart. */
function persistedJwtSecret(dataDir: string): string | undefined {
  const file = path.join(dataDir, 'jwt-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  return undefined;
}

/** A database URL fit for a message: host, port and database, never the password. */
function describeDatabase(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}

/**
 * Everything `npm start` does before the banner: configuration, DATA_DIR, the embedded PostgreSQL,
 * migrations, the demo seed, the app, listening on PORT. Each step that fails throws a StartupError
 * naming the cause and the fix; what was already started is stopped again first.
 */
export async function start(
  source: NodeJS.ProcessEnv,
  say: (line: string) => void = () => undefined,
): Promise<RunningServer> {
  let env;
  try {
    env = parseEnv(source);
  } catch (err) {
    if (err instanceof ConfigError) throw new StartupError(err.message, 78);
    throw err;
  }
  const dataDir = path.resolve(env.DATA_DIR);
  const config = await startupStep(
    (err) =>
      `Could not use the data folder ${dataDir} (DATA_DIR): ${describeError(err)}. ` +
      `Set DATA_DIR to a folder this user may write to.`,
    async () => {
      fs.mkdirSync(dataDir, { recursive: true });
      const resolved = resolveConfig(env, persistedJwtSecret(dataDir));
      if (!env.JWT_SECRET) {
        fs.writeFileSync(path.join(dataDir, 'jwt-secret'), resolved.JWT_SECRET, { mode: 0o600 });
      }
      return resolved;
    },
  );

  let embedded: RunningDatabase | undefined;
  let app: INestApplication | undefined;
  const cleanUp = async () => {
    await app?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
  };
  try {
    let databaseUrl = config.DATABASE_URL;
    if (!databaseUrl) {
      say(`Starting the embedded PostgreSQL in ${path.join(dataDir, 'postgres')} …`);
      embedded = await startEmbeddedPostgres({ dataDir, tcpPort: config.EMBEDDED_PG_PORT });
      databaseUrl = embedded.url;
    }
    const url = databaseUrl;
    const where = config.DATABASE_URL
      ? `PostgreSQL at ${describeDatabase(url)} (DATABASE_URL)`
      : `the embedded PostgreSQL (socket in ${embedded?.socketDir})`;

    const ran = await startupStep(
      (err) =>
        `Could not migrate ${where}: ${describeError(err)}.` +
        (config.DATABASE_URL
          ? ' Check that the server runs and DATABASE_URL names a database this user may create tables in.'
          : ''),
      () => runMigrations(url),
    );
    if (ran.length) say(`Migrations applied: ${ran.join(', ')}`);

    let seeded = false;
    if (config.SEED_DEMO) {
      seeded = await startupStep(
        (err) =>
          `Could not seed the demo ward into ${where}: ${describeError(err)}. Set SEED_DEMO=false to skip it.`,
        async () => {
          const ds = await new DataSource(dataSourceOptions(url)).initialize();
          try {
            return await seedDemo(ds, config.DEMO_PASSWORD);
          } finally {
            await ds.destroy();
          }
        },
      );
    }

    app = await startupStep(
      (err) =>
        `Could not build the application: ${describeError(err)}.` +
        (config.REDIS_URL ? ' Check that Redis answers at REDIS_URL.' : ''),
      () => createApp(config, url),
    );
    const listening = app;
    await startupStep(
      (err) => explainListenFailure(err, config),
      () => listening.listen(config.PORT, config.HOST),
    );
    return {
      app: listening,
      config,
      embedded,
      seeded,
      stop: cleanUp,
    };
  } catch (err) {
    await cleanUp();
    throw err;
  }
}

/** Why the HTTP server could not listen, and what to change. */
function explainListenFailure(err: unknown, config: AppConfig): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const port = config.PORT;
  if (code === 'EADDRINUSE') {
    return (
      `Port ${port} (PORT) is already in use — another \`npm start\` of this app, or another program. ` +
      `Stop it, or start this one on another port: PORT=${port === 3000 ? 3001 : port + 1} npm start ` +
      `(a second checkout also needs its own DATA_DIR, which is ./.data inside each checkout by default).`
    );
  }
  if (code === 'EACCES') {
    return `Port ${port} (PORT) needs administrator rights on this machine; choose a PORT of 1024 or more.`;
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return `Cannot listen on ${config.HOST} (HOST): no such address on this machine. Unset HOST to listen on all addresses.`;
  }
  return `Could not listen on ${config.HOST}:${port} (HOST, PORT): ${describeError(err)}`;
}
