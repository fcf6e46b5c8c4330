import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { runMigrations } from '../src/database/data-source';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';

/**
 * Once per `jest` run (shared by the integration and e2e projects): find a PostgreSQL server —
 * DATABASE_URL when set, else an embedded one in a temporary directory — and build a migrated
 * template database. Each test file clones it (`CREATE DATABASE … TEMPLATE …`), so files run in
 * parallel without seeing each other's rows. The server URL goes to the workers via env vars.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.PHONGHOP_TEST_TEMPLATE_URL) return; // second project in the same run
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-test-pg-'));
    fs.chmodSync(dataDir, 0o755);
    // On a Unix socket inside dataDir, no TCP port: several runs (checkouts) never clash.
    const db = await startEmbeddedPostgres({ dataDir, database: 'postgres' });
    (globalThis as Record<string, unknown>).__PHONGHOP_PG__ = { stop: db.stop, dataDir };
    serverUrl = db.url;
  }
  const template = `phonghop_tpl_${process.pid}`;
  const templateUrl = withDatabase(serverUrl, template);
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${template}`);
  } finally {
    await admin.end();
  }
  await runMigrations(templateUrl);
  process.env.PHONGHOP_TEST_SERVER_URL = serverUrl;
  process.env.PHONGHOP_TEST_TEMPLATE = template;
  process.env.PHONGHOP_TEST_TEMPLATE_URL = templateUrl;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
