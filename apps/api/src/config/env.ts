import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';

/**
 * Every environment variable the API reads, validated once at boot. A wrong value stops the start
 * with a message naming the variable. Defaults make `npm start` work on a fresh machine.
 */
const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** External PostgreSQL. Unset: an embedded PostgreSQL is started under DATA_DIR. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATA_DIR: z.string().default('./.data'),
  /**
   * The embedded PostgreSQL listens on a Unix socket inside DATA_DIR and on no TCP port; set this to
   * also open 127.0.0.1:<port> for tools that cannot use the socket (only when DATABASE_URL is unset).
   */
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).optional(),
  /** socket.io Redis adapter for several API nodes. Unset: single node. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Seed the demo ward. Default: only with the embedded database. */
  SEED_DEMO: booleanFlag.optional(),
  DEMO_PASSWORD: z.string().min(8).default('vinhphuc2025'),
  /** HMAC secret for access tokens. Unset: a random one is generated and kept under DATA_DIR. */
  JWT_SECRET: z.string().min(32).optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  /** Comma-separated list of allowed browser origins for sockets; empty: same host as the request. */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
  /** Directory of the built web app served at /. */
  WEB_DIST_DIR: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Sign-in failures allowed per username and per IP within LOGIN_WINDOW_SECONDS. */
  LOGIN_MAX_FAILURES_PER_USER: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(20),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  /** Trust X-Forwarded-For from the reverse proxy (nginx in docker-compose). */
  TRUST_PROXY: booleanFlag.default(false),
  /** Largest JSON body accepted. */
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(kb|mb)$/)
    .default('100kb'),
  /** Days an idempotency receipt is kept (a retry within them acts once), then purged. */
  IDEMPOTENCY_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  /** Seconds in which the refresh cookie just rotated away still answers the same successor (racing tabs). */
  REFRESH_GRACE_SECONDS: z.coerce.number().int().min(0).max(120).default(20),
  /** The address people use (https://hop.phuong.gov.vn): links in calendar feeds. Unset: the request's own host, in development only. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** OpenAPI pages: off, behind sign-in (auth) or public. Default: public in development and test, off in production. */
  API_DOCS: z.enum(['off', 'auth', 'public']).optional(),
  /** Open sockets one user may have at once (all nodes); one more is refused with TOO_MANY_SOCKETS. */
  MAX_SOCKETS_PER_USER: z.coerce.number().int().min(1).default(10),
  /** Socket commands that only read (join, leave, ping, renew): per socket per second, sustained. */
  SOCKET_READ_PER_SECOND: z.coerce.number().int().min(1).default(20),
  /** Socket commands that change a meeting (carry an idempotency key): per socket per second. */
  SOCKET_WRITE_PER_SECOND: z.coerce.number().int().min(1).default(10),
  /**
   * Commands (or group-commit batches) of one meeting running at once on a node; the others wait in
   * the meeting's queue and run together as the next batch. 1: a second one would only wait for the
   * meeting's lock alone (its own BEGIN, open, append, COMMIT) instead of joining the batch; at
   * 1,000 clients the bench held 35–55 events/s at 2 and 160/s at 1 (docs/benchmarks.md).
   */
  MEETING_COMMAND_CONCURRENCY: z.coerce.number().int().min(1).default(1),
  /** Commands of one meeting waiting on a node; beyond that they are refused with RATE_LIMITED. */
  MEETING_COMMAND_QUEUE: z.coerce.number().int().min(0).default(1000),
  /** How long (ms) writing one event to a big room may hold the event loop before it yields to I/O. */
  FANOUT_BUDGET_MS: z.coerce.number().min(0).max(50).default(2),
  /** How long (ms) a big room's meeting events are held after its last message, to go out as one; 0: not held. */
  FANOUT_WINDOW_MS: z.coerce.number().min(0).max(1000).default(20),
  /** `json` or `pretty` (one readable line per event). Unset: pretty in development, JSON otherwise. */
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  // ---- meeting documents (issue 10; docs/documents.md) ----
  /** Largest document upload (bytes); larger is refused 413 DOCUMENT_TOO_LARGE. Default 100 MB. */
  DOCUMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(2_000_000_000)
    .default(100 * 1024 * 1024),
  /** Most pages a PDF (uploaded or converted) may have. */
  DOCUMENT_MAX_PAGES: z.coerce.number().int().min(1).default(2000),
  /** Most bytes all of a PDF's compressed streams may inflate to (a decompression bomb is refused). */
  DOCUMENT_MAX_INFLATED_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024 * 1024),
  /** Time one PDF check may take (each step: qpdf, the sanitising worker). */
  DOCUMENT_CHECK_TIMEOUT_MS: z.coerce.number().int().min(500).default(30_000),
  /** Heap of the PDF-checking worker thread (MB). */
  DOCUMENT_CHECK_MEMORY_MB: z.coerce.number().int().min(64).default(512),
  /** Time one LibreOffice conversion may take. */
  DOCUMENT_CONVERT_TIMEOUT_MS: z.coerce.number().int().min(1000).default(120_000),
  /** Conversions running at once on a node. Default: one per core. */
  DOCUMENT_CONVERT_CONCURRENCY: z.coerce.number().int().min(1).optional(),
  /** Conversions waiting on a node; one more is refused with RATE_LIMITED. */
  DOCUMENT_CONVERT_QUEUE: z.coerce.number().int().min(0).default(50),
  /** The LibreOffice binary (Debian: libreoffice-*-nogui installs /usr/bin/soffice). */
  SOFFICE_PATH: z.string().default('soffice'),
  /** The qpdf binary (Debian package qpdf). */
  QPDF_PATH: z.string().default('qpdf'),
});

export type Env = z.infer<typeof EnvSchema>;

export interface AppConfig extends Omit<Env, 'JWT_SECRET' | 'SEED_DEMO'> {
  JWT_SECRET: string;
  SEED_DEMO: boolean;
  DATA_DIR: string;
  WEB_DIST_DIR: string;
}

export class ConfigError extends Error {}

/** Parse the environment; throws a ConfigError whose message names each wrong variable. */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** Resolve defaults that depend on other values (paths, generated secrets). */
export function resolveConfig(env: Env, jwtSecretFromDisk?: string): AppConfig {
  const dataDir = path.resolve(env.DATA_DIR);
  return {
    ...env,
    DATA_DIR: dataDir,
    JWT_SECRET: env.JWT_SECRET ?? jwtSecretFromDisk ?? randomBytes(48).toString('base64url'),
    SEED_DEMO: env.SEED_DEMO ?? env.DATABASE_URL === undefined,
    WEB_DIST_DIR: path.resolve(env.WEB_DIST_DIR ?? path.join(__dirname, '../../../web/dist')),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
