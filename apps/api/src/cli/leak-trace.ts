import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { ConfigError, parseEnv } from '../config/env';
import { embeddedPostgresUrl, RunningDatabase, startEmbeddedPostgres } from '../database/embedded-postgres';
import {
  describeTrace,
  readTextLayerCodes,
  TextLayerCodes,
  traceCode,
  traceMarks,
} from '../modules/document-copies/leak-trace';
import { FoundMarks, readMarks } from '../modules/document-copies/stamp/marks';

/**
 * `npm run leak:trace -- <file.pdf>` or `npm run leak:trace -- --code KAMX-4PWC`: reads the copy
 * codes a leaked file carries (the two invisible marks, the metadata, the printed watermark) and
 * says whose copy it was, of which document version, issued when and how. Exit code 0 when the
 * file or code names exactly one registered copy, 1 otherwise (no marks, unknown code, codes of
 * several copies), 2 on usage, file or connection errors.
 *
 * Database: DATABASE_URL, or else the embedded PostgreSQL of DATA_DIR (started if not running).
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const codeAt = args.indexOf('--code');
  const code = codeAt >= 0 ? args[codeAt + 1] : undefined;
  const file = codeAt >= 0 ? undefined : args.find((a) => !a.startsWith('--'));
  if (!code && !file) {
    console.error('usage: npm run leak:trace -- <file.pdf> | --code <copy code>');
    return 2;
  }

  let found: FoundMarks | null = null;
  let text: TextLayerCodes = { visible: new Map(), textMark: new Map() };
  if (file) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(fs.readFileSync(path.resolve(file)));
    } catch (err) {
      console.error(`cannot read ${file}: ${(err as Error).message}`);
      return 2;
    }
    try {
      found = await readMarks(bytes);
    } catch (err) {
      console.error(`pdf-lib cannot open the file (${(err as Error).message}); trying its printed text only`);
    }
    text = await readTextLayerCodes(bytes);
  }

  const env = parseEnv(process.env);
  let embedded: RunningDatabase | undefined;
  let url = env.DATABASE_URL;
  if (!url) {
    const dataDir = path.resolve(env.DATA_DIR);
    url = embeddedPostgresUrl(dataDir);
    if (!(await reachable(url))) {
      console.error(`Starting the embedded PostgreSQL of ${dataDir} …`);
      embedded = await startEmbeddedPostgres({ dataDir });
      url = embedded.url;
    }
  }
  const client = new Client({ connectionString: url, application_name: 'phonghop-leak-trace' });
  await client.connect();
  try {
    const query = async <T>(sql: string, params: unknown[]) => (await client.query(sql, params)).rows as T[];
    const result = code ? await traceCode(query, code) : await traceMarks(query, found, text);
    if (!result) {
      console.error(`not a copy code: ${code} (8 symbols of 347ACEFHKMNPRWXY, e.g. KAMX-4PWC)`);
      return 2;
    }
    if (found) console.log(`${file}: ${found.pageCount} page(s)`);
    for (const line of describeTrace(result)) console.log(line);
    return result.verdict === 'identified' ? 0 : 1;
  } finally {
    await client.end();
    await embedded?.stop();
  }
}

async function reachable(url: string): Promise<boolean> {
  const probe = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await probe.connect();
    await probe.end();
    return true;
  } catch {
    return false;
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(2);
  },
);
