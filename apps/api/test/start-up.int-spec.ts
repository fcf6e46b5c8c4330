import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { socketDirectoryFor } from '../src/database/embedded-postgres';
import { start } from '../src/start';
import { StartupError } from '../src/startup-error';
import { createTestDatabase, TestDatabase } from './test-database';

/** A data folder the `postgres` user can reach when the tests run as root. */
function tempDataDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `phonghop-${label}-`));
  fs.chmodSync(dir, 0o755);
  return dir;
}

/** The StartupError a promise rejects with (fails the test when it resolves or throws anything else). */
async function startupError(promise: Promise<unknown>): Promise<StartupError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StartupError);
  return err as StartupError;
}

/** The built server (`npm run build`), as `npm start` runs it. */
const MAIN = path.resolve(__dirname, '../dist/main.js');

interface Spawned {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/** `node apps/api/dist/main.js` with an embedded PostgreSQL in `dataDir`, listening on `port`. */
function spawnServer(dataDir: string, port: number): Spawned {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  Object.assign(env, {
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
  });
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Waits for the banner, or fails with what the process printed before it died. */
async function running(server: Spawned): Promise<void> {
  const banner = new Promise<void>((resolve) => {
    const check = () => (server.output().includes('is running at') ? resolve() : setTimeout(check, 100));
    check();
  });
  const died = server.exited.then((code) => {
    throw new Error(`the server exited (${code}) before its banner:\n${server.output()}`);
  });
  await Promise.race([banner, died]);
}

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('start-up: two checkouts side by side, and failures that say what to do', () => {
  const dirs: string[] = [];
  const servers: { spawned: Spawned; port: number }[] = [];

  beforeAll(() => {
    if (!fs.existsSync(MAIN))
      throw new Error(`${MAIN} is missing: run \`npm run build\` first (npm test does)`);
  });
  afterAll(async () => {
    for (const { spawned } of servers) {
      spawned.child.kill('SIGTERM');
      await spawned.exited;
    }
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('runs two servers at once, each with its embedded PostgreSQL on a socket inside its own DATA_DIR', async () => {
    dirs.push(tempDataDir('one'), tempDataDir('two'));
    for (const dataDir of dirs) {
      const port = await freePort();
      servers.push({ spawned: spawnServer(dataDir, port), port });
    }
    await Promise.all(servers.map((s) => running(s.spawned)));
    for (const [i, s] of servers.entries()) {
      expect(s.spawned.output()).toContain(`is running at http://localhost:${s.port}`);
      const res = await fetch(`http://127.0.0.1:${s.port}/api/v1/health`);
      expect(await res.json()).toEqual({ status: 'ok', db: 'up' });
      // Its socket is in its own data folder; no TCP port was opened for the database.
      expect(fs.existsSync(path.join(dirs[i], 'postgres', '.s.PGSQL.5432'))).toBe(true);
      expect(s.spawned.output()).not.toContain('undefined');
    }
  }, 180_000);

  it('says the DATA_DIR is in use when a second instance starts on the same folder', async () => {
    expect(servers).toHaveLength(2);
    const second = spawnServer(dirs[0], await freePort());
    expect(await second.exited).toBe(1);
    const said = second.output();
    expect(said).toContain(`The embedded database in ${path.join(dirs[0], 'postgres')} is already in use`);
    expect(said).toContain('DATA_DIR');
    expect(said).not.toContain('undefined');
    // The first server is unharmed.
    const res = await fetch(`http://127.0.0.1:${servers[0].port}/api/v1/health`);
    expect(await res.json()).toEqual({ status: 'ok', db: 'up' });
  }, 120_000);

  it('names the port and the variable when PORT is taken, and stops its database again', async () => {
    expect(servers).toHaveLength(2);
    const dataDir = tempDataDir('three');
    dirs.push(dataDir);
    const third = spawnServer(dataDir, servers[1].port);
    expect(await third.exited).toBe(1);
    const said = third.output();
    expect(said).toContain(`Port ${servers[1].port} (PORT) is already in use`);
    expect(said).not.toContain('undefined');
    // Its embedded PostgreSQL was stopped on the way out (no server left on the folder).
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 120_000);

  it('moves the socket to a short folder when DATA_DIR is too deep for a socket path', () => {
    const deep = path.join('/srv', 'x'.repeat(120), 'postgres');
    const dir = socketDirectoryFor(deep);
    expect(dir.startsWith(os.tmpdir())).toBe(true);
    expect(Buffer.byteLength(path.join(dir, '.s.PGSQL.5432'))).toBeLessThanOrEqual(107);
    expect(socketDirectoryFor(deep)).toBe(dir); // the same folder at every start
    expect(socketDirectoryFor('/var/lib/phonghop/postgres')).toBe('/var/lib/phonghop/postgres');
  });

  describe('with the test database', () => {
    let db: TestDatabase;
    let busy: net.Server;
    let port: number;

    beforeAll(async () => {
      db = await createTestDatabase();
      busy = net.createServer();
      await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
      port = (busy.address() as net.AddressInfo).port;
    });
    afterAll(async () => {
      await new Promise((resolve) => busy.close(resolve));
      await db.drop();
    });

    const env = (over: Record<string, string>) => ({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: db.url,
      DATA_DIR: tempDataDir('data'),
      JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
      WEB_DIST_DIR: '/nonexistent',
      ...over,
    });

    it('names the port and the variable when PORT is taken', async () => {
      const err = await startupError(start(env({ PORT: String(port), HOST: '127.0.0.1' })));
      expect(err.message).toContain(`Port ${port} (PORT) is already in use`);
      expect(err.message).toMatch(/PORT=\d+ npm start/);
      expect(err.exitCode).toBe(1);
    }, 60_000);

    it('names the variable of a wrong setting, with exit code 78', async () => {
      const err = await startupError(start(env({ PORT: 'drei' })));
      expect(err.message).toContain('PORT');
      expect(err.exitCode).toBe(78);
    });

    it('names DATABASE_URL when the database cannot be reached', async () => {
      // A port nothing listens on: the one just freed by a closed server.
      const closed = net.createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const free = (closed.address() as net.AddressInfo).port;
      await new Promise((resolve) => closed.close(resolve));
      const err = await startupError(
        start(env({ DATABASE_URL: `postgres://u:secret@127.0.0.1:${free}/nowhere`, PORT: '0' })),
      );
      expect(err.message).toContain(`127.0.0.1:${free}/nowhere (DATABASE_URL)`);
      expect(err.message).not.toContain('secret');
    }, 60_000);

    it('starts and stops when everything is in order', async () => {
      const server = await start(env({ PORT: '0', HOST: '127.0.0.1' }));
      try {
        const { port: listening } = server.app.getHttpServer().address() as net.AddressInfo;
        const res = await fetch(`http://127.0.0.1:${listening}/api/v1/health`);
        expect(await res.json()).toEqual({ status: 'ok', db: 'up' });
      } finally {
        await server.stop();
      }
    }, 60_000);
  });
});
