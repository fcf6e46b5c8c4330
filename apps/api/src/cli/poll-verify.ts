import 'reflect-metadata';
import { runCli, withCliDatabase } from './cli-database';
import { verifyPoll } from '../modules/polls/poll-verify';

/**
 * `npm run poll:verify -- <pollId>…`: recounts each closed poll from its stored ballots and checks
 * the count, the ballots' hash and the receipts against the meeting's hash chain
 * (modules/polls/poll-verify.ts). Prints one OK/BROKEN line per check. Exit code 0 when every poll
 * verifies, 1 when one does not (or is not closed), 2 on usage or connection errors.
 *
 * Database: DATABASE_URL, or else the embedded PostgreSQL of DATA_DIR (started if not running).
 */
async function main(): Promise<number> {
  const ids = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (ids.length === 0) {
    console.error('usage: npm run poll:verify -- <pollId> [<pollId>…]');
    return 2;
  }
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const bad = ids.find((id) => !uuid.test(id));
  if (bad) {
    console.error(`not a poll id: ${bad}`);
    return 2;
  }

  return withCliDatabase('phonghop-poll-verify', async (query, client) => {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    let failed = 0;
    for (const id of ids) {
      const verdict = await verifyPoll(query, id);
      if (!verdict) {
        console.error(`NOT FOUND ${id}: no such poll`);
        failed += 1;
        continue;
      }
      console.log(`poll ${id}`);
      for (const line of verdict.lines) (line.startsWith('OK') ? console.log : console.error)(`  ${line}`);
      console.log(verdict.ok ? `VERIFIED ${id}` : `FAILED ${id}`);
      if (!verdict.ok) failed += 1;
    }
    await client.query('COMMIT');
    return failed === 0 ? 0 : 1;
  });
}

runCli(main);
