/**
 * Loaded with `--require` into every process of a bench run by `join-storm --gaps`
 * (lib/loop-gaps.ts): records when this process's event loop stalled and when V8 paused for
 * garbage collection, so a slow join can be matched with what its server was doing meanwhile.
 *
 * A 1 ms interval timer that fires LOOP_GAP_MS or more late marks a gap: the loop was running
 * something else (a long task, a GC pause), or the process was not scheduled at all. Lines go to
 * `$BENCH_GAPS_DIR/<pid>.txt` as `gap <epoch ms> <ms>` and `gc <epoch ms> <ms> <kind>` (after one
 * `clock <epoch ms> <monotonic µs>` line), written in
 * batches off the measured path. Does nothing without BENCH_GAPS_DIR.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PerformanceObserver, performance } from 'node:perf_hooks';

export const LOOP_GAP_MS = 8;
/** GC pauses shorter than this are not written (scavenges of a small heap take ~1 ms). */
export const GC_PAUSE_MS = 2;

const dir = process.env.BENCH_GAPS_DIR;
if (dir) {
  const file = path.join(dir, `${process.pid}.txt`);
  const epoch = () => performance.timeOrigin + performance.now();
  // Epoch ms against the monotonic clock in µs that V8's CPU profiles use: a gap can then be found
  // in a `--cpu-prof` profile of the same process.
  let lines: string[] = [`clock ${epoch().toFixed(1)} ${process.hrtime.bigint() / 1000n}`];
  let last = epoch();
  setInterval(() => {
    const at = epoch();
    if (at - last >= LOOP_GAP_MS) lines.push(`gap ${last.toFixed(1)} ${(at - last).toFixed(1)}`);
    last = at;
  }, 1).unref();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.duration < GC_PAUSE_MS) continue;
      const kind = (e as { detail?: { kind?: number } }).detail?.kind ?? 0;
      lines.push(`gc ${(performance.timeOrigin + e.startTime).toFixed(1)} ${e.duration.toFixed(1)} ${kind}`);
    }
  }).observe({ entryTypes: ['gc'] });
  const flush = () => {
    if (lines.length === 0) return;
    fs.appendFileSync(file, lines.join('\n') + '\n');
    lines = [];
  };
  setInterval(flush, 1000).unref();
  process.on('exit', flush);
  // Servers are stopped with SIGTERM: write what is left first. A process with no handler of its
  // own (the bare server) must still die of it, as it would without this listener.
  const onTerm = () => {
    flush();
    if (process.listenerCount('SIGTERM') > 1) return;
    process.removeListener('SIGTERM', onTerm);
    process.kill(process.pid, 'SIGTERM');
  };
  process.prependListener('SIGTERM', onTerm);
}
