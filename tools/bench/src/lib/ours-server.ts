import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import { Client } from 'pg';

const ROOT = path.resolve(__dirname, '../../../..');

export interface OursServer {
  url: string;
  /** The API process (for its memory). */
  pid: number;
  databaseUrl: string;
  jwtSecret: string;
  stop(): Promise<void>;
}

/**
 * Starts the real product (apps/api/dist/main.js) as its own process, exactly as `npm start` does:
 * an embedded PostgreSQL in a temporary DATA_DIR unless DATABASE_URL is set, in which case a
 * scratch database is created on that server and dropped afterwards.
 */
export async function startOursServer(
  extraEnv: Record<string, string> = {},
  /** A second node of one bench: BENCH_PORT + this (the first node holds BENCH_PORT and the next one). */
  portOffset = 0,
): Promise<OursServer> {
  // BENCH_PORT pins the API's port (and the embedded PostgreSQL's, the next one) on a shared machine.
  // Random ports stay below Linux's ephemeral range (32768+): a bench with thousands of open client
  // connections holds many of those, and a server port picked there may be taken.
  const pinned = Number(process.env.BENCH_PORT);
  const port = pinned ? pinned + portOffset : 20000 + Math.floor(Math.random() * 12000);
  const jwtSecret = randomBytes(32).toString('hex');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-bench-'));
  fs.chmodSync(dataDir, 0o755);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    // The embedded PostgreSQL listens on a Unix socket by default; the bench's own setup queries
    // (databaseUrl below) reach it over this TCP port.
    EMBEDDED_PG_PORT: String(port + 1),
    JWT_SECRET: jwtSecret,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    ...extraEnv,
  };
  let scratch: { server: string; name: string } | undefined;
  if (extraEnv.DATABASE_URL) {
    // A second API node of the same cluster: the first node's database, as given.
  } else if (process.env.DATABASE_URL) {
    const name = `phonghop_bench_${Date.now()}`;
    const c = new Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = `/${name}`;
    env.DATABASE_URL = u.toString();
    scratch = { server: process.env.DATABASE_URL, name };
  } else {
    delete env.DATABASE_URL;
  }
  // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server under load.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, path.join(ROOT, 'apps/api/dist/main.js')],
    {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child);
  const databaseUrl = env.DATABASE_URL ?? `postgres://phonghop:phonghop@127.0.0.1:${port + 1}/phonghop`;
  return {
    url,
    pid: child.pid!,
    databaseUrl,
    jwtSecret,
    stop: async () => {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      if (scratch) {
        const c = new Client({ connectionString: scratch.server });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${scratch.name} WITH (FORCE)`);
        await c.end();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  let exited = false;
  child.once('exit', () => (exited = true));
  child.stdout?.resume();
  for (let i = 0; i < 600; i++) {
    if (exited) throw new Error('the API process exited during start');
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the API did not become healthy in 150 s');
}

/**
 * Inserts `count` active users with a signed-in session each and returns their ids and access
 * tokens (minted with the server's secret, as the login endpoint would), bypassing 1,000 argon2
 * sign-ins that would only measure password hashing.
 */
export async function createUsersWithTokens(
  server: OursServer,
  count: number,
  prefix: string,
  systemRole: 'admin' | 'member' = 'member',
): Promise<{ id: string; token: string }[]> {
  const db = new Client({ connectionString: server.databaseUrl });
  await db.connect();
  try {
    const users: { id: string; token: string }[] = [];
    const rows: string[] = [];
    const sessions: string[] = [];
    for (let i = 0; i < count; i++) {
      const id = randomUUID();
      const sid = randomUUID();
      // Every bench user may organise: whoever the bench makes chair also creates the meeting.
      rows.push(`('${id}', '${prefix}${i}', 'x', 'Đại biểu ${i}', '${systemRole}', true)`);
      sessions.push(`('${sid}', '${id}', 'x', now() + interval '1 day')`);
      const token = jwt.sign({ sub: id, sid, role: systemRole }, server.jwtSecret, {
        algorithm: 'HS256',
        audience: 'phonghop',
        issuer: 'phonghop-api',
        expiresIn: 3600,
      });
      users.push({ id, token });
    }
    await db.query(
      `INSERT INTO users (id, username, password_hash, full_name, system_role, can_organise) VALUES ${rows.join(',')}`,
    );
    await db.query(
      `INSERT INTO auth_sessions (id, user_id, refresh_hash, expires_at) VALUES ${sessions.join(',')}`,
    );
    return users;
  } finally {
    await db.end();
  }
}
