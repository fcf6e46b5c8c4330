import { randomUUID } from 'node:crypto';
import { startOursServer } from './lib/ours-server';
import { benchLine, percentile, round } from './lib/stats';
import { now } from './lib/target';
import { VotePool } from './lib/vote-pool';
import { startBareVoteTarget } from './lib/vote-bare-target';
import { startOursVoteTarget } from './lib/vote-ours-target';
import type { VoteTarget } from './lib/vote-target';

/**
 * vote-storm: N voters, each on their own socket.io connection, cast one ballot each within one
 * window (1 s), spread evenly; every 20th voter sends its ballot a second time with the same
 * idempotency key while the first is in flight (a tablet that lost its ack). Measured:
 * - the ack time of each first send (emit → ack, the ack comes after the commit);
 * - the tally time: from just before the organiser's close until each client holds the result;
 * - lost: acknowledged ballots missing from the result the clients got (per option), or acknowledged
 *   receipts the server does not hold (ours: the receipts it publishes; bare: its table);
 * - duplicated: ballots counted beyond the acknowledged ones, in the result or in the store.
 * The same procedure runs against the bare baseline (lib/vote-bare-server.ts).
 */
export interface VoteStormOptions {
  windowMs: number;
  /** How long the connections and joins are spread over (not measured). */
  connectSpreadMs: number;
  retryEvery: number;
}

export interface VoteStormResult {
  ackP50: number;
  ackP99: number;
  tallyP99: number;
  lost: number;
  duplicated: number;
  /** Casts not acknowledged ok (first sends and retries), and the first such error. */
  errors: number;
  firstError?: string;
  /** Retries whose ack differs from the first send's (another receipt). */
  retryMismatches: number;
  /** Clients that got no result, or saw a result different from the majority's. */
  noResult: number;
  retries: number;
}

export async function measureVoteStorm(target: VoteTarget, o: VoteStormOptions): Promise<VoteStormResult> {
  const voters = target.tokens.length;
  const pool = new VotePool(2);
  try {
    const joined = await pool.connect({
      url: target.url,
      tokens: target.tokens,
      joinEvent: target.joinEvent,
      joinPayload: target.joinPayload,
      resultEvent: target.resultEvent,
      resultType: target.resultType,
      spreadMs: o.connectSpreadMs,
    });
    process.stderr.write(
      `  ${target.name}: ${voters} clients joined (${joined.retried} joins retried, ${joined.failures} failed)\n`,
    );
    if (joined.failures > 0)
      throw new Error(`${target.name}: ${joined.failures} joins failed: ${joined.firstError}`);
    if (target.prepare) {
      const t0 = now();
      const prepared = await pool.command(target.prepare.event, target.prepare.payloads, 5);
      if (prepared.failures > 0)
        throw new Error(`${target.name}: ${prepared.failures} preparations failed: ${prepared.firstError}`);
      process.stderr.write(
        `  ${target.name}: ${voters} ${target.prepare.event} in ${round(now() - t0)} ms\n`,
      );
    }
    // The set-up's broadcasts (ours: every check-in is a meeting event to every socket, a million
    // frames for a thousand delegates) are still being written when the last check-in is
    // acknowledged. A real meeting's check-ins come over half an hour, not fifteen seconds: wait
    // until every client has gone quiet, so the storm does not measure that backlog.
    const t1 = now();
    const settled = await pool.settle(2_000, 180_000);
    process.stderr.write(
      `  ${target.name}: set-up broadcasts drained in ${round(now() - t1)} ms (${settled.received} messages${settled.quiet ? '' : ', NOT quiet'})\n`,
    );
    process.stderr.write(`  ${target.name}: prepared; opening the poll\n`);
    await target.open();

    const choice = (i: number) => target.options[(i * 7 + 3) % target.options.length];
    const payloads = target.tokens.map((_, i) => target.castPayload(i, choice(i), randomUUID()));
    const retry = target.tokens.map((_, i) => i % o.retryEvery === 0);
    const start = now() + 500;
    const at = target.tokens.map((_, i) => start + (i * o.windowMs) / voters);
    process.stderr.write(`  ${target.name}: ${voters} ballots in ${o.windowMs} ms\n`);
    const outcomes = await pool.cast(target.castEvent, payloads, at, retry);

    // Give the last retries' effects no head start over the close: the close follows every ack.
    const closeAt = now();
    await target.close();
    const { arrivals, results } = await pool.results(closeAt, 30_000);

    const acked: Record<string, number> = {};
    outcomes.forEach((out, i) => {
      if (out.ok || out.retry?.ok) acked[choice(i)] = (acked[choice(i)] ?? 0) + 1;
    });
    const [majority] = Object.entries(results).sort((a, b) => b[1] - a[1]);
    const seen = majority ? target.countsOf(majority[0]) : {};
    const receipts = outcomes.flatMap((out) => {
      const data = (out.ok ? out.data : out.retry?.ok ? out.retry.data : undefined) as
        { receipt?: string } | undefined;
      return data?.receipt ? [data.receipt] : [];
    });
    const stored = await target.audit(receipts);
    const lostIn = (counts: Record<string, number>) =>
      target.options.reduce((s, k) => s + Math.max(0, (acked[k] ?? 0) - (counts[k] ?? 0)), 0);
    const extraIn = (counts: Record<string, number>) =>
      target.options.reduce((s, k) => s + Math.max(0, (counts[k] ?? 0) - (acked[k] ?? 0)), 0);

    const errors = outcomes.reduce(
      (s, out) => s + (out.ok ? 0 : 1) + (out.retry && !out.retry.ok ? 1 : 0),
      0,
    );
    const firstError =
      outcomes.find((out) => !out.ok)?.error ?? outcomes.find((out) => out.retry?.error)?.retry?.error;
    const tallyMs = arrivals.filter((a): a is number => a !== null).map((a) => a - closeAt);
    return {
      ackP50: percentile(
        outcomes.map((out) => out.ackMs),
        50,
      ),
      ackP99: percentile(
        outcomes.map((out) => out.ackMs),
        99,
      ),
      tallyP99: percentile(tallyMs, 99),
      lost: Math.max(lostIn(seen), stored.missing),
      duplicated: Math.max(extraIn(seen), stored.extra),
      errors,
      firstError,
      retryMismatches: outcomes.filter(
        (out) => out.retry?.ok && out.ok && JSON.stringify(out.retry.data) !== JSON.stringify(out.data),
      ).length,
      noResult: voters - (majority?.[1] ?? 0),
      retries: retry.filter(Boolean).length,
    };
  } finally {
    await pool.close();
  }
}

/** The BENCH line; with one side alone (--only) it has that side's figures and no ratio. */
export function voteStormLine(
  voters: number,
  windowMs: number,
  ours: VoteStormResult | undefined,
  bare: VoteStormResult | undefined,
): string {
  const fields: Record<string, number | string> = {
    voters,
    window_ms: windowMs,
    retries: (ours ?? bare)?.retries ?? 0,
  };
  if (ours)
    Object.assign(fields, { ours_ack_p50_ms: round(ours.ackP50), ours_ack_p99_ms: round(ours.ackP99) });
  if (bare)
    Object.assign(fields, { bare_ack_p50_ms: round(bare.ackP50), bare_ack_p99_ms: round(bare.ackP99) });
  if (ours) {
    Object.assign(fields, {
      tally_p99_ms: round(ours.tallyP99),
      lost: ours.lost,
      duplicated: ours.duplicated,
      ours_errors: ours.errors,
      ours_no_result: ours.noResult,
      ours_retry_mismatch: ours.retryMismatches,
    });
  }
  if (bare) {
    Object.assign(fields, {
      bare_tally_p99_ms: round(bare.tallyP99),
      bare_lost: bare.lost,
      bare_duplicated: bare.duplicated,
      bare_errors: bare.errors,
    });
  }
  if (ours && bare) {
    Object.assign(fields, {
      ratio: round(ours.ackP99 / bare.ackP99, 2),
      target: '<=2',
      tally_target: '<=250',
    });
  }
  return benchLine('vote-storm', fields);
}

/**
 * `npm run bench -- vote-storm [--clients N] [--window S] [--named] [--only bare|ours]`: one
 * product server (its PostgreSQL also holds the baseline's table); the baseline runs first, then
 * ours (a secret poll unless --named) on that server. With --only ours the line has no ratio
 * (BENCH_SERVER_NODE_ARGS="--cpu-prof …" then profiles ours alone).
 */
export async function voteStorm(option: (name: string, fallback: number) => number): Promise<void> {
  const voters = option('clients', 1000);
  const o = {
    windowMs: option('window', 1) * 1000,
    connectSpreadMs: option('connect-spread', 20) * 1000,
    retryEvery: 20,
  };
  process.stderr.write(`vote-storm: ${voters} voters, one ballot each within ${o.windowMs} ms\n`);
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : '';
  const server = await startOursServer();
  try {
    let bareResult: VoteStormResult | undefined;
    let oursResult: VoteStormResult | undefined;
    if (only !== 'ours') {
      const bare = await startBareVoteTarget(voters, server.databaseUrl);
      bareResult = await measureVoteStorm(bare, o).finally(() => bare.stop());
    }
    if (only !== 'bare') {
      const ours = await startOursVoteTarget(server, voters, { named: process.argv.includes('--named') });
      oursResult = await measureVoteStorm(ours, o).finally(() => ours.stop());
      if (oursResult.firstError) process.stderr.write(`  ours first error: ${oursResult.firstError}\n`);
    }
    console.log(voteStormLine(voters, o.windowMs, oursResult, bareResult));
  } finally {
    await server.stop();
  }
}
