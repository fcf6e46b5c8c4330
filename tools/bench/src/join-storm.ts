import { setTimeout as sleep } from 'node:timers/promises';
import { ClientPool, type JoinedClients } from './lib/client-pool';
import { benchLine, percentile, round } from './lib/stats';
import { clientStalls, gapFigures, type Stall, type TimedJoin } from './lib/loop-gaps';
import { BenchTarget } from './lib/target';

/** One storm against one target: every client's times, in ms. */
type Storm = JoinedClients;

/** The storms of one side over all rounds, summed up. */
export interface JoinStormSide {
  p99: number;
  p50: number;
  connectP99: number;
  failures: number;
  firstError?: string;
  ackBytes: number;
  sideBytes?: number;
  sideWireBytes?: number;
  /** Each round's own p99. */
  roundP99: number[];
  /** Every join (for `--gaps`: which of them ran into a stall of the server). */
  joins: TimedJoin[];
  /** Each storm's span (epoch ms): first start to last answer. */
  windows: [number, number][];
}

/**
 * join-storm: N clients connect and join within a window; the figure is the p99 time from the
 * start of a client's connect to its consistent state (the join acknowledgement with the
 * snapshot). Baseline: a bare socket.io connect plus one 20 KB emit.
 *
 * Both servers stay up and the storms alternate (bare, ours, ours, bare, bare, ours, …) for
 * `rounds` rounds, every client disconnecting between storms: on two cores shared by both servers,
 * PostgreSQL and the client processes, one storm's p99 (its tenth-slowest join of 1,000) moves by
 * half between runs of the same code, and interleaving puts both sides under the same drift. The
 * p99 is over all rounds' joins; each round's ratio is printed too.
 */
export async function measureJoinStorms(
  targets: BenchTarget[],
  windowMs: number,
  rounds: number,
): Promise<Partial<Record<BenchTarget['name'], JoinStormSide>>> {
  const storms = new Map<BenchTarget, Storm[]>(targets.map((t) => [t, []]));
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? targets : [...targets].reverse();
    for (const target of order) {
      const storm = await stormOnce(target, windowMs);
      storms.get(target)!.push(storm);
      process.stderr.write(
        `  round ${r + 1} ${target.name}: p99 ${round(percentile(storm.joinMs, 99))} ms, ` +
          `connect p99 ${round(percentile(storm.connectMs, 99))} ms, failures ${storm.failures}\n`,
      );
      // Let the disconnects (and ours' presence updates about them) settle before the next storm.
      await sleep(2_000);
    }
  }
  const sides: Partial<Record<BenchTarget['name'], JoinStormSide>> = {};
  for (const t of targets) {
    const all = storms.get(t)!;
    const joinMs = all.flatMap((s) => s.joinMs);
    sides[t.name] = {
      p99: percentile(joinMs, 99),
      p50: percentile(joinMs, 50),
      connectP99: percentile(
        all.flatMap((s) => s.connectMs),
        99,
      ),
      failures: all.reduce((n, s) => n + s.failures, 0),
      firstError: all.find((s) => s.firstError)?.firstError,
      ackBytes: Math.max(...all.map((s) => s.ackBytes)),
      sideBytes: t.sideBytes,
      sideWireBytes: t.sideWireBytes,
      roundP99: all.map((s) => percentile(s.joinMs, 99)),
      joins: all.flatMap((s) => s.joinMs.map((ms, i) => ({ start: s.joinStartMs[i], ms }))),
      windows: all.map((s) => [
        Math.min(...s.joinStartMs),
        Math.max(...s.joinMs.map((ms, i) => s.joinStartMs[i] + ms)),
      ]),
    };
  }
  return sides;
}

async function stormOnce(target: BenchTarget, windowMs: number): Promise<Storm> {
  const pool = new ClientPool(2);
  const joined = await pool.connect({
    url: target.url,
    tokens: target.tokens,
    joinEvent: target.joinEvent,
    joinPayload: target.joinPayload,
    eventName: target.eventName,
    spreadMs: windowMs,
  });
  await pool.close();
  return joined;
}

export function joinStormLine(clients: number, ours: JoinStormSide, bare: JoinStormSide): string {
  const paired = Math.min(ours.roundP99.length, bare.roundP99.length);
  const roundRatios = Array.from({ length: paired }, (_, i) => round(ours.roundP99[i] / bare.roundP99[i], 2));
  return benchLine('join-storm', {
    clients,
    rounds: Math.max(ours.roundP99.length, bare.roundP99.length),
    ours_p99_ms: round(ours.p99),
    bare_p99_ms: round(bare.p99),
    ours_p50_ms: round(ours.p50),
    bare_p50_ms: round(bare.p50),
    // The handshake's part (connect → connected): ours checks the token there.
    ours_connect_p99_ms: round(ours.connectP99),
    bare_connect_p99_ms: round(bare.connectP99),
    ours_snapshot_kb: round(ours.ackBytes / 1024),
    bare_snapshot_kb: round(bare.ackBytes / 1024),
    // Fetched after a snapshot join and kept with its ETag: the participants (roles, names, titles).
    ours_roster_kb: round((ours.sideBytes ?? 0) / 1024),
    ours_roster_gzip_kb: round((ours.sideWireBytes ?? 0) / 1024),
    ours_failures: ours.failures,
    bare_failures: bare.failures,
    round_ratios: roundRatios.join(',') || '-',
    ratio: round(ours.p99 / bare.p99, 2),
    target: '<=2',
  });
}

/**
 * `join-storm --gaps`: per side, how many of its slowest 1 % of joins overlapped an event-loop gap
 * of its server, the server's gaps and GC pauses during its storms, and the client processes' own
 * gaps then (a stalled client delays the joins it times as much as a stalled server).
 */
export function joinStormGapsLine(
  targets: BenchTarget[],
  sides: Partial<Record<BenchTarget['name'], JoinStormSide>>,
  stalls: Map<number, Stall[]>,
): string {
  const serverPids = targets.map((t) => t.serverPid ?? -1);
  const fields: Record<string, number> = {};
  for (const t of targets) {
    const side = sides[t.name];
    if (!side) continue;
    const server = stalls.get(t.serverPid ?? -1) ?? [];
    const figures = gapFigures(side.joins, side.windows, server, clientStalls(stalls, serverPids));
    for (const [k, v] of Object.entries(figures)) fields[`${t.name}_${k}`] = v;
  }
  return benchLine('join-storm-gaps', fields);
}
