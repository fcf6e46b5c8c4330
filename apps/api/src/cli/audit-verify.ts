import 'reflect-metadata';
import { runCli, withCliDatabase } from './cli-database';
import { describeVerdict, verifyMeetingChain } from '../modules/meeting-events/chain-verify';

/**
 * `npm run audit:verify -- <meetingId>… | --all`: recomputes each meeting's hash chain and prints
 * OK with the count, or names the first broken link (seq, expected vs stored). Exit code 0 when
 * every chain is intact, 1 when one is broken, 2 on usage or connection errors.
 *
 * Database: DATABASE_URL, or else the embedded PostgreSQL of DATA_DIR — used if it is running,
 * started (and stopped again) if not.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const all = args.includes('--all');
  const ids = args.filter((a) => !a.startsWith('--'));
  if (!all && ids.length === 0) {
    console.error('usage: npm run audit:verify -- <meetingId> [<meetingId>…] | --all');
    return 2;
  }
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const bad = ids.find((id) => !uuid.test(id));
  if (bad) {
    console.error(`not a meeting id: ${bad}`);
    return 2;
  }

  return withCliDatabase('phonghop-audit-verify', async (query, client) => {
    // One consistent view even while meetings are live.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const targets = all
      ? (await query<{ id: string }>('SELECT id FROM meetings ORDER BY created_at', [])).map((r) => r.id)
      : ids;
    let broken = 0;
    for (const id of targets) {
      const verdict = await verifyMeetingChain(query, id);
      if (!verdict) {
        console.error(`NOT FOUND ${id}: no such meeting`);
        broken += 1;
        continue;
      }
      (verdict.ok ? console.log : console.error)(describeVerdict(id, verdict));
      if (!verdict.ok) broken += 1;
    }
    if (all) console.log(`${targets.length - broken}/${targets.length} meeting(s) intact`);
    await client.query('COMMIT');
    return broken === 0 ? 0 : 1;
  });
}

runCli(main);
