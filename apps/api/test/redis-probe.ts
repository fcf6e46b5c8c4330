import { spawnSync } from 'node:child_process';

/** The Redis of the two-node tests: REDIS_URL, when set. */
export const REDIS_URL = process.env.REDIS_URL;

function redisAnswers(url: string): boolean {
  // Decided before the suite is declared, so a skip shows as a skip; a child process keeps it synchronous.
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `const c = require('redis').createClient({ url: process.argv[1], socket: { connectTimeout: 2000, reconnectStrategy: false } });
       c.on('error', () => {});
       c.connect().then(() => c.ping()).then(() => c.quit()).then(() => process.exit(0), () => process.exit(1));`,
      url,
    ],
    { timeout: 5000, cwd: __dirname },
  );
  return probe.status === 0;
}

/** Why the two-node tests cannot run here (null when Redis answers at REDIS_URL). */
export function redisSkipReason(): string | null {
  if (!REDIS_URL) return 'REDIS_URL is not set';
  return redisAnswers(REDIS_URL) ? null : `Redis at ${REDIS_URL} does not answer`;
}
