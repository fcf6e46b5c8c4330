import { DCLinter } from 'dclint';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EnvSchema, parseEnv } from '../../apps/api/src/config/env';
import {
  bindMounts,
  COMPOSE_FILE,
  compileComposeSchema,
  ComposeFile,
  ComposeService,
  environmentOf,
  findComposeCli,
  imageTag,
  interpolate,
  interpolateString,
  InterpolationError,
  nginxBlocks,
  nginxDirectives,
  parseComposeYaml,
  readComposeSource,
  referencedVariables,
  REPO_ROOT,
} from './compose-file';

/**
 * docker-compose.yml is checked without a Docker engine (none runs on CI's machine): the Compose
 * Specification schema, our own expectations of the production stack, the files it mounts, the
 * Dockerfile stages it builds, and — when a Compose CLI is installed — `config -q`.
 */

/** The secrets an operator must provide (docs/operations.md); everything else has a default. */
const OPERATOR_ENV: Readonly<Record<string, string>> = {
  POSTGRES_PASSWORD: 'compose0check0password',
  JWT_SECRET: 'compose-check-jwt-secret-0123456789-abcdefghij',
  TURN_SECRET: 'compose-check-turn-secret',
};

const source = readComposeSource();
const validate = compileComposeSchema();

function loadInterpolated(env: Readonly<Record<string, string>>): ComposeFile {
  const doc = interpolate(parseComposeYaml(source), env);
  if (!validate(doc)) {
    throw new Error(
      `docker-compose.yml is not a valid Compose file:\n${JSON.stringify(validate.errors, null, 2)}`,
    );
  }
  return doc;
}

const compose = loadInterpolated(OPERATOR_ENV);
const raw = parseComposeYaml(source) as ComposeFile;

function service(name: string): ComposeService {
  const s = compose.services[name];
  if (!s) throw new Error(`docker-compose.yml has no service "${name}"`);
  return s;
}

function read(relative: string): string {
  return fs.readFileSync(path.join(REPO_ROOT, relative), 'utf8');
}

describe('docker-compose.yml against the Compose Specification', () => {
  it('is valid after interpolation with the operator secrets set', () => {
    expect(() => loadInterpolated(OPERATOR_ENV)).not.toThrow();
  });

  it('is valid as written (before interpolation)', () => {
    const doc = parseComposeYaml(source);
    const ok = validate(doc);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it.each(Object.keys(OPERATOR_ENV))('refuses to start without %s (no default secret)', (name) => {
    const env: Record<string, string> = { ...OPERATOR_ENV };
    delete env[name];
    expect(() => loadInterpolated(env)).toThrow(InterpolationError);
    expect(() => loadInterpolated(env)).toThrow(new RegExp(`^${name}: `));
  });

  // Off: the ordering rules (services are ordered by dependency, keys by reading flow) and the
  // top-level `name` (Debian's docker-compose 1.29 rejects it; the volumes have fixed names).
  it('passes dclint (all rules but ordering and the top-level name)', () => {
    const linter = new DCLinter({
      rules: {
        'service-keys-order': 0,
        'services-alphabetical-order': 0,
        'top-level-properties-order': 0,
        'require-project-name-field': 0,
      },
      quiet: true,
      debug: false,
      exclude: [],
    });
    const [result] = linter.lintFiles([COMPOSE_FILE], false);
    expect(result.messages.map((m) => `${m.rule}: ${m.message}`)).toEqual([]);
  });
});

describe('the production stack', () => {
  it('has postgres, redis, api, nginx and coturn', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'coturn', 'nginx', 'postgres', 'redis']);
  });

  it('runs two API replicas', () => {
    expect(service('api').deploy?.replicas).toBe(2);
  });

  it('starts the API only once PostgreSQL and Redis are healthy, and nginx once the API is', () => {
    expect(service('api').depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    });
    expect(service('nginx').depends_on).toEqual({ api: { condition: 'service_healthy' } });
  });

  it('gives every service a restart policy', () => {
    for (const [name, s] of Object.entries(compose.services)) {
      expect([name, s.restart]).toEqual([
        name,
        expect.stringMatching(/^(always|unless-stopped|on-failure(:\d+)?)$/),
      ]);
    }
  });

  it('pins every image to a version (no `latest`, no missing tag)', () => {
    for (const [name, s] of Object.entries(compose.services)) {
      if (s.image === undefined) {
        expect([name, s.build]).toEqual([name, expect.anything()]);
        continue;
      }
      const tag = imageTag(s.image);
      expect([name, tag]).toEqual([name, expect.stringMatching(/^\d/)]);
    }
    expect(source).not.toMatch(/:latest\b/);
  });

  it('health-checks every long-running service; the API on /api/v1/health', () => {
    for (const name of ['postgres', 'redis', 'api', 'nginx']) {
      expect([name, service(name).healthcheck?.test]).toEqual([name, expect.anything()]);
    }
    expect(JSON.stringify(service('api').healthcheck?.test)).toContain('/api/v1/health');
    expect(JSON.stringify(service('postgres').healthcheck?.test)).toContain('pg_isready');
  });

  it('configures the API with variables the API knows, and values its own validation accepts', () => {
    const env = environmentOf(service('api'));
    const known = Object.keys(EnvSchema.shape);
    expect(Object.keys(env).filter((k) => !known.includes(k))).toEqual([]);
    expect(env).toMatchObject({
      DATABASE_URL: expect.stringMatching(/^postgres:\/\/[^@]+@postgres:5432\//),
      REDIS_URL: 'redis://redis:6379',
      TRUST_PROXY: 'true',
      NODE_ENV: 'production',
    });
    const parsed = parseEnv(env);
    expect(parsed.JWT_SECRET).toBe(OPERATOR_ENV.JWT_SECRET);
    expect(parsed.SEED_DEMO).toBe(false);
    expect(parsed.PORT).toBe(3000);
  });

  it('reads the secrets from the environment, never from the file', () => {
    const api = raw.services.api.environment as Record<string, string>;
    expect(api.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?/);
    expect(raw.services.postgres.environment).toMatchObject({
      POSTGRES_PASSWORD: expect.stringMatching(/^\$\{POSTGRES_PASSWORD:\?/),
    });
    expect(raw.services.coturn.environment).toMatchObject({
      TURN_SECRET: expect.stringMatching(/^\$\{TURN_SECRET:\?/),
    });
  });

  it('publishes ports only from nginx (and coturn on the host network); the databases stay internal', () => {
    const publishing = Object.entries(compose.services)
      .filter(([, s]) => (s.ports ?? []).length > 0)
      .map(([name]) => name);
    expect(publishing).toEqual(['nginx']);
    expect(service('coturn').network_mode).toBe('host');
    expect(compose.networks?.backend?.internal).toBe(true);
    expect(service('postgres').networks).toEqual(['backend']);
    expect(service('redis').networks).toEqual(['backend']);
  });

  it('keeps PostgreSQL data in a named volume with a fixed name', () => {
    expect(service('postgres').volumes).toContain('pgdata:/var/lib/postgresql/data');
    expect(compose.volumes?.pgdata?.name).toBe('phonghop_pgdata');
  });

  it('documents every variable the file reads in docs/operations.md', () => {
    const ops = read('docs/operations.md');
    const missing = referencedVariables(source).filter((v) => !ops.includes(`\`${v}\``));
    expect(missing).toEqual([]);
  });
});

describe('the nginx configuration', () => {
  const nginx = service('nginx');
  const mounts = bindMounts(nginx);
  const confMount = mounts.find((m) => m.target.startsWith('/etc/nginx/conf.d/'));
  const conf = confMount && fs.existsSync(confMount.source) ? fs.readFileSync(confMount.source, 'utf8') : '';

  it('is mounted from a file in the repository', () => {
    expect(confMount).toBeDefined();
    expect(fs.existsSync(confMount?.source ?? '')).toBe(true);
    for (const m of mounts) expect([m.source, fs.existsSync(m.source)]).toEqual([m.source, true]);
  });

  it('balances to the api service with ip_hash (sticky sessions)', () => {
    const [upstream] = nginxBlocks(conf, /upstream\s+phonghop_api/);
    expect(upstream).toBeDefined();
    const directives = nginxDirectives(upstream);
    expect(directives.map((d) => d[0])).toContain('ip_hash');
    const port = environmentOf(service('api')).PORT;
    expect(directives.find((d) => d[0] === 'server')?.[1]).toBe(`api:${port}`);
  });

  it('proxies /socket.io with the WebSocket Upgrade headers', () => {
    const [block] = nginxBlocks(conf, /location\s+\/socket\.io\//);
    expect(block).toBeDefined();
    const directives = nginxDirectives(block).map((d) => d.join(' '));
    expect(directives).toEqual(
      expect.arrayContaining([
        'proxy_pass http://phonghop_api',
        'proxy_http_version 1.1',
        'proxy_set_header Upgrade $http_upgrade',
        'proxy_set_header Connection $connection_upgrade',
      ]),
    );
    const [map] = nginxBlocks(conf, /map\s+\$http_upgrade\s+\$connection_upgrade/);
    expect(nginxDirectives(map)).toEqual(expect.arrayContaining([['default', 'upgrade']]));
  });

  it('proxies /api and overwrites X-Forwarded-For (the API trusts it: TRUST_PROXY=true)', () => {
    const [block] = nginxBlocks(conf, /location\s+\/api\//);
    const directives = nginxDirectives(block).map((d) => d.join(' '));
    expect(directives).toEqual(
      expect.arrayContaining([
        'proxy_pass http://phonghop_api',
        'proxy_set_header X-Forwarded-For $remote_addr',
      ]),
    );
    expect(conf).not.toContain('$proxy_add_x_forwarded_for');
  });

  it('serves the web app as a single-page app', () => {
    const roots = nginxBlocks(conf, /location\s+\//).map((b) => nginxDirectives(b).map((d) => d.join(' ')));
    expect(roots.some((d) => d.includes('try_files $uri $uri/ /index.html'))).toBe(true);
  });
});

describe('the Dockerfile and the coturn config', () => {
  const dockerfile = read('Dockerfile');
  const stages = [...dockerfile.matchAll(/^FROM\s+(\S+)\s+AS\s+(\S+)/gim)].map((m) => ({
    base: m[1],
    name: m[2],
  }));

  it('defines every build target the compose file uses', () => {
    for (const [name, s] of Object.entries(compose.services)) {
      if (typeof s.build !== 'object' || !s.build.target) continue;
      expect([name, stages.map((st) => st.name)]).toEqual([name, expect.arrayContaining([s.build.target])]);
    }
  });

  it('builds on node:20-bookworm-slim with npm ci and npm run build, and runs the API unprivileged', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20-bookworm-slim$/m);
    expect(dockerfile).toMatch(/npm ci\b/);
    expect(dockerfile).toMatch(/npm run build\b/);
    const apiStage = dockerfile.slice(dockerfile.search(/^FROM\s+\S+\s+AS\s+api\b/m)).split(/^FROM\s/m)[1];
    expect(apiStage).toMatch(/^USER node$/m);
    expect(dockerfile).not.toMatch(/:latest\b/);
  });

  it('keeps node_modules, build output and local data out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    expect(ignored).toEqual(
      expect.arrayContaining(['**/node_modules', '**/dist', '**/.data', '.git', '.env']),
    );
  });

  it('mounts a coturn config that uses the shared secret without containing it', () => {
    const mount = bindMounts(service('coturn')).find((m) => m.target === '/etc/coturn/turnserver.conf');
    expect(mount).toBeDefined();
    const conf = fs.readFileSync(mount?.source ?? '', 'utf8');
    expect(conf).toMatch(/^use-auth-secret$/m);
    expect(conf).not.toMatch(/^static-auth-secret/m);
    expect(conf).not.toMatch(/^realm/m);
  });
});

describe('interpolation helper', () => {
  it('follows Compose for defaults, required values, alternatives and $$', () => {
    const env = { SET: 'v', EMPTY: '' };
    expect(interpolateString('${SET:-d} ${EMPTY:-d} ${EMPTY-d} ${UNSET-d}', env)).toBe('v d  d');
    expect(interpolateString('${SET:+a}|${EMPTY:+a}|${EMPTY+a}|${UNSET+a}', env)).toBe('a||a|');
    expect(interpolateString('$$SET $${SET} $SET', env)).toBe('$SET ${SET} v');
    expect(() => interpolateString('${EMPTY:?needed}', env)).toThrow('EMPTY: needed');
    expect(interpolateString('${EMPTY?needed}', env)).toBe('');
  });
});

describe('a Compose CLI, when one is installed', () => {
  const cli = findComposeCli();
  const title = cli
    ? `\`${cli.label} config -q\` accepts the file`
    : '`docker-compose config -q` accepts the file — SKIPPED: neither `docker-compose` nor `docker compose` is installed';
  (cli ? it : it.skip)(title, () => {
    if (!cli) return;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-compose-'));
    try {
      // An explicit env file: a developer's own .env must not change what is checked.
      const envFile = path.join(dir, 'compose.env');
      fs.writeFileSync(
        envFile,
        Object.entries(OPERATOR_ENV)
          .map(([k, v]) => `${k}=${v}\n`)
          .join(''),
      );
      const run = spawnSync(
        cli.command,
        [...cli.prefix, '--env-file', envFile, '-f', COMPOSE_FILE, 'config', '-q'],
        {
          cwd: REPO_ROOT,
          env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, LANG: 'C.UTF-8' },
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      expect({ status: run.status, stderr: run.stderr }).toMatchObject({ status: 0 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
