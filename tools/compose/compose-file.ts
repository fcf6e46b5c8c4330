import Ajv, { type ValidateFunction } from 'ajv';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * Helpers for checking docker-compose.yml without a Docker engine: the Compose Specification
 * schema (shipped inside the `dclint` npm package, so nothing is downloaded), Compose's variable
 * interpolation, a minimal nginx block reader, and the detection of a Compose CLI.
 */

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const COMPOSE_FILE = path.join(REPO_ROOT, 'docker-compose.yml');

/** The parts of a Compose file these checks read; the schema validates the rest. */
export interface ComposeHealthcheck {
  test?: string | string[];
  interval?: string;
  timeout?: string;
  retries?: number;
  start_period?: string;
}

export interface ComposeVolumeMount {
  type: string;
  source?: string;
  target: string;
  read_only?: boolean;
}

export interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string; target?: string };
  restart?: string;
  depends_on?: string[] | Record<string, { condition: string }>;
  environment?: Record<string, string | number | boolean | null> | string[];
  healthcheck?: ComposeHealthcheck;
  deploy?: { replicas?: number };
  ports?: (string | number | { published?: string | number; target: number })[];
  volumes?: (string | ComposeVolumeMount)[];
  networks?: string[] | Record<string, unknown>;
  network_mode?: string;
  command?: string | string[];
  entrypoint?: string | string[];
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  networks?: Record<string, { internal?: boolean } | null>;
  volumes?: Record<string, { name?: string } | null>;
}

/** The Compose Specification JSON schema as published by the compose-spec project (via dclint). */
export function composeSchemaPath(): string {
  // dclint's `exports` map does not list the schema, so resolve the package folder instead.
  return path.join(path.dirname(require.resolve('dclint/package.json')), 'schemas', 'compose.schema.json');
}

export function compileComposeSchema(): ValidateFunction<ComposeFile> {
  const schema = JSON.parse(fs.readFileSync(composeSchemaPath(), 'utf8')) as Record<string, unknown>;
  // The file names its draft as "https://json-schema.org/draft-07/schema", a spelling Ajv does not
  // register; the schema is plain draft-07, which is Ajv's default.
  delete schema.$schema;
  // strict: false — the spec uses annotation keywords (`deprecated`) and union types freely.
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  return ajv.compile<ComposeFile>(schema);
}

export function readComposeSource(): string {
  return fs.readFileSync(COMPOSE_FILE, 'utf8');
}

/** Parses YAML (anchors resolved) without interpolating variables. */
export function parseComposeYaml(source: string): unknown {
  return parse(source, { merge: true }) as unknown;
}

export class InterpolationError extends Error {}

const VARIABLE = /\$(?:(\$)|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * Compose's interpolation of one string: `$$`, `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?error}`, `${VAR?error}`, `${VAR:+alt}`, `${VAR+alt}`. Throws for a missing required variable.
 */
export function interpolateString(value: string, env: Readonly<Record<string, string>>): string {
  return value.replace(
    VARIABLE,
    (_m, dollar: string | undefined, braced?: string, op?: string, arg?: string, bare?: string) => {
      if (dollar) return '$';
      const name = (braced ?? bare) as string;
      const set = Object.prototype.hasOwnProperty.call(env, name);
      const current = set ? env[name] : undefined;
      const present = op?.startsWith(':') ? current !== undefined && current !== '' : set;
      switch (op) {
        case undefined:
          return current ?? '';
        case ':-':
        case '-':
          return present ? (current as string) : (arg ?? '');
        case ':?':
        case '?':
          if (!present) throw new InterpolationError(`${name}: ${arg || 'required variable is not set'}`);
          return current as string;
        case ':+':
        case '+':
          return present ? (arg ?? '') : '';
        default:
          throw new InterpolationError(`unsupported interpolation ${op} for ${name}`);
      }
    },
  );
}

/** Interpolates every string value (not keys) of a parsed Compose document. */
export function interpolate(node: unknown, env: Readonly<Record<string, string>>): unknown {
  if (typeof node === 'string') return interpolateString(node, env);
  if (Array.isArray(node)) return node.map((item) => interpolate(item, env));
  if (node !== null && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, interpolate(v, env)]));
  }
  return node;
}

/** Every variable name the file interpolates (`$$` escapes excluded). */
export function referencedVariables(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(VARIABLE)) {
    const name = m[2] ?? m[5];
    if (name) names.add(name);
  }
  return [...names].sort();
}

/** `environment` as a map, whichever of its two forms the file uses. */
export function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry) => {
        const eq = entry.indexOf('=');
        return eq === -1 ? [entry, ''] : [entry.slice(0, eq), entry.slice(eq + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

/** The tag of an image reference (`registry:5000/name:tag@digest` → `tag`), or undefined. */
export function imageTag(image: string): string | undefined {
  const withoutDigest = image.split('@')[0];
  const lastSegment = withoutDigest.slice(withoutDigest.lastIndexOf('/') + 1);
  const colon = lastSegment.indexOf(':');
  return colon === -1 ? undefined : lastSegment.slice(colon + 1);
}

/** Bind mounts of a service as { source (absolute), target }. */
export function bindMounts(service: ComposeService): { source: string; target: string }[] {
  return (service.volumes ?? []).flatMap((volume) => {
    if (typeof volume === 'string') {
      const [source, target] = volume.split(':');
      return source.startsWith('.') || source.startsWith('/')
        ? [{ source: path.resolve(REPO_ROOT, source), target }]
        : [];
    }
    return volume.type === 'bind' && volume.source
      ? [{ source: path.resolve(REPO_ROOT, volume.source), target: volume.target }]
      : [];
  });
}

/** nginx config without comments (a `#` inside quotes is kept). */
export function stripNginxComments(config: string): string {
  return config
    .split('\n')
    .map((line) => {
      let quote: string | undefined;
      for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (quote) {
          if (c === quote) quote = undefined;
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '#') return line.slice(0, i);
      }
      return line;
    })
    .join('\n');
}

/** The bodies of every block whose header matches, e.g. /location\s+\/socket\.io\//. */
export function nginxBlocks(config: string, header: RegExp): string[] {
  const text = stripNginxComments(config);
  const found: string[] = [];
  const re = new RegExp(`${header.source}\\s*\\{`, 'g');
  for (const m of text.matchAll(re)) {
    let depth = 1;
    const start = (m.index ?? 0) + m[0].length;
    let i = start;
    for (; i < text.length && depth > 0; i++) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}') depth--;
    }
    found.push(text.slice(start, i - 1));
  }
  return found;
}

/** The directives of a block body (nested blocks excluded) as [name, ...args]. */
export function nginxDirectives(body: string): string[][] {
  let flat = '';
  let depth = 0;
  for (const c of body) {
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0) flat += c;
  }
  return flat
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => d.split(/\s+/));
}

export interface ComposeCli {
  label: string;
  command: string;
  prefix: string[];
}

/** Debian's `docker-compose` (1.x) or the `docker compose` plugin (2.x), whichever answers. */
export function findComposeCli(): ComposeCli | undefined {
  const candidates: ComposeCli[] = [
    { label: 'docker-compose', command: 'docker-compose', prefix: [] },
    { label: 'docker compose', command: 'docker', prefix: ['compose'] },
  ];
  return candidates.find(
    (c) => spawnSync(c.command, [...c.prefix, 'version'], { stdio: 'ignore', timeout: 30_000 }).status === 0,
  );
}
