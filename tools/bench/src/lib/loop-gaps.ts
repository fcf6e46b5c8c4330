import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { percentile, round } from './stats';

/** A stall recorded by preload/loop-gaps.ts in one process. */
export interface Stall {
  kind: 'gap' | 'gc';
  /** Epoch ms. */
  at: number;
  ms: number;
}

/** One join as a client timed it: when it started (epoch ms) and how long it took. */
export interface TimedJoin {
  start: number;
  ms: number;
}

/**
 * Turns the recorder on for every process this bench starts from now on (servers and client
 * workers inherit NODE_OPTIONS): each writes its stalls to `<dir>/<pid>.txt`.
 */
export function recordLoopGaps(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-gaps-'));
  const preload = path.join(__dirname, '..', 'preload', 'loop-gaps.js');
  process.env.BENCH_GAPS_DIR = dir;
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --require ${preload}`.trim();
  return dir;
}

/** Every process's stalls, by pid. */
export function readStalls(dir: string): Map<number, Stall[]> {
  const byPid = new Map<number, Stall[]>();
  for (const name of fs.readdirSync(dir).filter((n) => /^\d+\.txt$/.test(n))) {
    const stalls = fs
      .readFileSync(path.join(dir, name), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('gap ') || line.startsWith('gc '))
      .map((line) => {
        const [kind, at, ms] = line.split(' ');
        return { kind: kind as Stall['kind'], at: Number(at), ms: Number(ms) };
      });
    byPid.set(Number(path.basename(name, '.txt')), stalls);
  }
  return byPid;
}

const overlaps = (s: Stall, from: number, to: number) => s.at < to && s.at + s.ms > from;

/**
 * What one side's processes were doing while its joins ran: how many of the slowest 1 % of joins
 * overlapped an event-loop gap of its server (or of a client process, which delays the joins it
 * times as much), the p99 of the joins that met no gap, and the gaps and GC pauses during the
 * storms. If more than 1 % of all joins overlap a gap, the p99 is set by the gaps, not by the
 * join's own path.
 */
export function gapFigures(
  joins: TimedJoin[],
  windows: [number, number][],
  server: Stall[],
  clients: Stall[],
) {
  const during = (stalls: Stall[]) =>
    stalls.filter((s) => windows.some(([from, to]) => overlaps(s, from, to)));
  const serverGaps = during(server).filter((s) => s.kind === 'gap');
  const clientGaps = during(clients).filter((s) => s.kind === 'gap');
  const gcs = during(server).filter((s) => s.kind === 'gc');
  const meets = (gaps: Stall[]) => (j: TimedJoin) => gaps.some((g) => overlaps(g, j.start, j.start + j.ms));
  const inServerGap = meets(serverGaps);
  const inClientGap = meets(clientGaps);
  const p99 = percentile(
    joins.map((j) => j.ms),
    99,
  );
  const slowest = joins.filter((j) => j.ms >= p99);
  const p99Of = (some: TimedJoin[]) =>
    round(
      percentile(
        some.map((j) => j.ms),
        99,
      ),
    );
  return {
    slowest: slowest.length,
    slowest_in_server_gaps: slowest.filter(inServerGap).length,
    slowest_in_client_gaps: slowest.filter((j) => !inServerGap(j) && inClientGap(j)).length,
    joins_in_server_gaps_pct: round((100 * joins.filter(inServerGap).length) / Math.max(1, joins.length), 1),
    // What the p99 would be if the server's loop never stalled, and if no process's did.
    p99_outside_server_gaps_ms: p99Of(joins.filter((j) => !inServerGap(j))),
    p99_outside_all_gaps_ms: p99Of(joins.filter((j) => !inServerGap(j) && !inClientGap(j))),
    server_gaps: serverGaps.length,
    server_gap_ms: Math.round(serverGaps.reduce((n, g) => n + g.ms, 0)),
    server_gaps_with_gc: serverGaps.filter((g) => gcs.some((c) => overlaps(c, g.at, g.at + g.ms))).length,
    server_gc_pause_ms: Math.round(gcs.reduce((n, c) => n + c.ms, 0)),
    client_gap_ms: Math.round(clientGaps.reduce((n, g) => n + g.ms, 0)),
  };
}

/** The stalls of every process but the servers (the client workers). */
export function clientStalls(byPid: Map<number, Stall[]>, serverPids: number[]): Stall[] {
  return [...byPid].filter(([pid]) => !serverPids.includes(pid)).flatMap(([, stalls]) => stalls);
}
