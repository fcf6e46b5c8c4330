import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD, type E2eEnv } from './e2e-env';

/** REST calls as the demo ward's users, for a test's set-up (each user signs in once). */
export interface DemoRest {
  /** A call as `username`; throws with the status and body unless it succeeds. */
  rest<T>(username: string, method: string, path: string, body?: unknown): Promise<T>;
  /** A demo user's id, read from the test's database. */
  userId(username: string): Promise<string>;
}

export function demoRest(env: () => E2eEnv): DemoRest {
  const tokens = new Map<string, string>();
  return {
    async rest<T>(username: string, method: string, path: string, body?: unknown): Promise<T> {
      const { baseUrl } = env();
      if (!tokens.has(username)) {
        const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: DEMO_PASSWORD }),
        });
        tokens.set(username, ((await res.json()) as { accessToken: string }).accessToken);
      }
      const res = await fetch(`${baseUrl}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${tokens.get(username)}`,
          'content-type': 'application/json',
          'idempotency-key': randomUUID(),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return (res.status === 204 ? null : await res.json()) as T;
    },
    async userId(username: string): Promise<string> {
      const rows = await env().app.dataSource.query<{ id: string }[]>(
        'SELECT id FROM users WHERE username = $1',
        [username],
      );
      return rows[0]!.id;
    },
  };
}
