import path from 'node:path';
import { Client } from 'pg';
import { ConfigError, parseEnv } from '../config/env';
import { embeddedPostgresUrl, RunningDatabase, startEmbeddedPostgres } from '../database/embedded-postgres';

/** A read query on the CLI's connection. */
export type CliQuery = <T>(sql: string, params: unknown[]) => Promise<T[]>;

/**
 * Runs `work` on a connection to the product's database, as the operations commands
 * (audit:verify, poll:verify, leak:trace) find it: DATABASE_URL, or else the embedded PostgreSQL of
 * DATA_DIR — used as it is when the server is running, started for the command (and stopped after
 * it) when it is not.
 */
export async function withCliDatabase<T>(
  applicationName: string,
  work: (query: CliQuery, client: Client) => Promise<T>,
): Promise<T> {
  const env = parseEnv(process.env);
  let embedded: RunningDatabase | undefined;
  let url = env.DATABASE_URL;
  if (!url) {
    const dataDir = path.resolve(env.DATA_DIR);
    url = embeddedPostgresUrl(dataDir);
    if (!(await reachable(url))) {
      console.error(`Starting the embedded PostgreSQL of ${dataDir} …`);
      embedded = await startEmbeddedPostgres({ dataDir });
      url = embedded.url;
    }
  }
  const client = new Client({ connectionString: url, application_name: applicationName });
  try {
    await client.connect();
    const query: CliQuery = async <R>(sql: string, params: unknown[]) =>
      (await client.query(sql, params)).rows as R[];
    return await work(query, client);
  } finally {
    await client.end().catch(() => undefined);
    await embedded?.stop();
  }
}

/** Runs a command's main and exits with its code; a configuration or connection error exits 2 with its message. */
export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof ConfigError || err instanceof Error ? err.message : String(err));
      process.exit(2);
    },
  );
}

async function reachable(url: string): Promise<boolean> {
  const probe = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await probe.connect();
    await probe.end();
    return true;
  } catch {
    return false;
  }
}
