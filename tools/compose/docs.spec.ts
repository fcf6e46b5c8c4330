import fs from 'node:fs';
import path from 'node:path';
import { EnvSchema } from '../../apps/api/src/config/env';
import { REPO_ROOT } from './compose-file';

/** The README promises a table of every environment variable the API reads; keep it complete. */
describe('README', () => {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const documented = new Set([...readme.matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((m) => m[1]));

  it('documents every variable of apps/api/src/config/env.ts in its configuration table', () => {
    const missing = Object.keys(EnvSchema.shape).filter((name) => !documented.has(name));
    expect(missing).toEqual([]);
  });

  it('documents no variable the API does not read', () => {
    const known = new Set(Object.keys(EnvSchema.shape));
    expect([...documented].filter((name) => !known.has(name))).toEqual([]);
  });
});
