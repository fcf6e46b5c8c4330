import { ClientPool } from './lib/client-pool';
import { benchLine, percentile, round } from './lib/stats';
import { BenchTarget, now } from './lib/target';

/**
 * fanout: N clients in one meeting; a chair publishes agenda changes at a fixed rate for a few
 * seconds. The highest rate held with p99 latency ≤ 100 ms and no lost event is the figure;
 * the same procedure runs against a bare socket.io server doing the same broadcast.
 */
export interface FanoutOptions {
  clients: number;
  stepSeconds: number;
  p99LimitMs: number;
  rates: number[];
}

interface StepResult {
  rate: number;
  p99: number;
  lost: number;
  held: boolean;
}

async function runStep(
  target: BenchTarget,
  pool: ClientPool,
  rate: number,
  o: FanoutOptions,
  firstId: number,
) {
  const count = Math.max(1, Math.round(rate * o.stepSeconds));
  const interval = 1000 / rate;
  const start = now();
  const pending: Promise<void>[] = [];
  let failedPublishes = 0;
  for (let i = 0; i < count; i++) {
    const due = start + i * interval;
    const wait = due - now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(target.publish(firstId + i, now()).catch(() => void failedPublishes++));
  }
  await Promise.all(pending);
  await new Promise((r) => setTimeout(r, 1500)); // let the last broadcasts arrive
  const { latencies, received } = await pool.collect();
  let lost = failedPublishes * o.clients;
  for (let i = 0; i < count; i++) lost += o.clients - Math.min(o.clients, received[String(firstId + i)] ?? 0);
  const p99 = percentile(latencies, 99);
  return { rate, p99, lost, held: lost === 0 && p99 <= o.p99LimitMs, count };
}

/** Highest rate held for one target; climbs the rate ladder (retrying a failed rung once), then bisects twice. */
export async function measureFanout(
  target: BenchTarget,
  o: FanoutOptions,
): Promise<{ best: number; steps: StepResult[]; joinFailures: number }> {
  const pool = new ClientPool(2);
  const joined = await pool.connect({
    url: target.url,
    tokens: target.tokens,
    joinEvent: target.joinEvent,
    joinPayload: target.joinPayload,
    eventName: target.eventName,
    spreadMs: 3000,
  });
  if (joined.failures > 0) {
    await pool.close();
    throw new Error(`${target.name}: ${joined.failures} clients failed to join (${joined.firstError})`);
  }
  // Let the join's own traffic (presence broadcasts to the whole room) settle before measuring.
  await new Promise((r) => setTimeout(r, 4000));
  await pool.collect();
  const steps: StepResult[] = [];
  let nextId = 1;
  let best = 0;
  let failedRate: number | undefined;
  for (const rate of o.rates) {
    let r = await runStep(target, pool, rate, o, nextId);
    nextId += r.count;
    if (!r.held) {
      // One retry: on a shared 2-core machine a single noisy second should not end the climb.
      r = await runStep(target, pool, rate, o, nextId);
      nextId += r.count;
    }
    steps.push(r);
    process.stderr.write(
      `  ${target.name} rate=${rate}/s p99=${round(r.p99)}ms lost=${r.lost} ${r.held ? 'held' : 'FAILED'}\n`,
    );
    if (!r.held) {
      failedRate = rate;
      break;
    }
    best = rate;
  }
  // Two bisection steps between the last held and the first failed rate.
  for (let i = 0; i < 2 && failedRate !== undefined; i++) {
    const mid = Math.round((best + failedRate) / 2);
    if (mid <= best || mid >= failedRate) break;
    const r = await runStep(target, pool, mid, o, nextId);
    nextId += r.count;
    steps.push(r);
    process.stderr.write(
      `  ${target.name} rate=${mid}/s p99=${round(r.p99)}ms lost=${r.lost} ${r.held ? 'held' : 'FAILED'}\n`,
    );
    if (r.held) best = mid;
    else failedRate = mid;
  }
  await pool.close();
  return { best, steps, joinFailures: joined.failures };
}

export function fanoutLine(clients: number, ours: number, bare: number): string {
  return benchLine('fanout', {
    clients,
    ours_events_per_s: ours,
    bare_events_per_s: bare,
    ratio: bare > 0 ? round(ours / bare, 2) : 'n/a',
    target: '>=0.8',
  });
}
