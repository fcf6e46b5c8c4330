import fs from 'node:fs';
import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env.PHONGHOP_TEST_SERVER_URL;
  const template = process.env.PHONGHOP_TEST_TEMPLATE;
  const pg = (globalThis as Record<string, unknown>).__PHONGHOP_PG__ as
    { stop(): Promise<void>; dataDir: string } | undefined;
  if (!serverUrl || !template) return;
  delete process.env.PHONGHOP_TEST_SERVER_URL; // both projects register this teardown; act once
  if (pg) {
    await pg.stop();
    fs.rmSync(pg.dataDir, { recursive: true, force: true });
    return;
  }
  // External server: drop the template and the clones this run made.
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`,
      [template, `${template}_%`],
    );
    for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
