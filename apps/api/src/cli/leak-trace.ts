import 'reflect-metadata';
import { runCli, withCliDatabase } from './cli-database';
import fs from 'node:fs';
import path from 'node:path';
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

  return withCliDatabase('phonghop-leak-trace', async (query) => {
    const result = code ? await traceCode(query, code) : await traceMarks(query, found, text);
    if (!result) {
      console.error(`not a copy code: ${code} (8 symbols of 347ACEFHKMNPRWXY, e.g. KAMX-4PWC)`);
      return 2;
    }
    if (found) console.log(`${file}: ${found.pageCount} page(s)`);
    for (const line of describeTrace(result)) console.log(line);
    return result.verdict === 'identified' ? 0 : 1;
  });
}

runCli(main);
