import { Client } from 'pg';
import { startTestApp, TestApp } from '../../../test/test-app';

describe('GET /api/v1/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers ok with the database up', async () => {
    const res = await fetch(`${t.url}/api/v1/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', db: 'up' });
    expect(res.headers.get('x-request-id')).toMatch(/.+/);
  });

  it('answers 503 with db down when PostgreSQL does not answer', async () => {
    // From outside the app: forbid new connections to its database and end the open ones.
    const admin = new Client({ connectionString: process.env.PHONGHOP_TEST_SERVER_URL });
    await admin.connect();
    await admin.query(`ALTER DATABASE ${t.db.name} ALLOW_CONNECTIONS false`);
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [
      t.db.name,
    ]);
    await admin.end();
    const res = await fetch(`${t.url}/api/v1/health`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'degraded', db: 'down' });
  });
});
