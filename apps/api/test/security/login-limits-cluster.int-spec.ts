import { randomBytes } from 'node:crypto';
import { startTestApp, TestApp } from '../test-app';
import { api, ErrorBody, insertUser } from '../identity-helpers';
import { REDIS_URL, redisSkipReason } from '../redis-probe';

/**
 * Two API nodes on one PostgreSQL and one Redis enforce one set of sign-in limits: failures on
 * node 1 count on node 2. Skipped, saying why, without a reachable Redis (REDIS_URL).
 */
const skipReason = redisSkipReason();
if (skipReason) console.warn(`Skipping the shared sign-in limit tests: ${skipReason}.`);
const describeWithRedis = skipReason ? describe.skip : describe;

describeWithRedis('sign-in limits shared by two API nodes (Redis)', () => {
  let node1: TestApp;
  let node2: TestApp;
  // Redis is shared with other runs on this machine: names and addresses unique to this run.
  const run = randomBytes(4).toString('hex');
  const env = {
    REDIS_URL: REDIS_URL!,
    TRUST_PROXY: 'true',
    LOGIN_MAX_FAILURES_PER_USER: '3',
    LOGIN_MAX_FAILURES_PER_IP: '4',
  };

  beforeAll(async () => {
    node1 = await startTestApp({ env });
    node2 = await startTestApp({ env, db: node1.db });
  }, 60_000);
  afterAll(async () => {
    await node2?.close();
    await node1?.close();
  });

  /** An address no other run uses (their counters live in the same Redis for the whole window). */
  const randomIp = () => `10.${[...randomBytes(3)].join('.')}`;
  const attempt = (node: TestApp, username: string, password: string, ip: string) =>
    api<ErrorBody>(node.url, '/auth/login', {
      method: 'POST',
      body: { username, password },
      headers: { 'x-forwarded-for': ip },
    });

  it('counts failures of a (username, address) pair across nodes', async () => {
    const user = await insertUser(node1.dataSource, { username: `cum-${run}` });
    const ip = randomIp();
    // Alternate the nodes, as a load balancer without sticky sessions would.
    for (const node of [node1, node2, node1]) {
      expect((await attempt(node, user.username, 'wrong password', ip)).body.error.code).toBe(
        'INVALID_CREDENTIALS',
      );
    }
    const res = await attempt(node2, user.username, user.password, ip);
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('holds one address ceiling for both nodes', async () => {
    const ip = randomIp();
    for (let i = 0; i < 4; i++) {
      const node = i % 2 === 0 ? node1 : node2;
      expect((await attempt(node, `probe-${run}-${i}`, 'wrong password', ip)).status).toBe(401);
    }
    expect((await attempt(node1, `probe-${run}-x`, 'wrong password', ip)).status).toBe(429);
    expect((await attempt(node2, `probe-${run}-y`, 'wrong password', ip)).status).toBe(429);
  });
});
