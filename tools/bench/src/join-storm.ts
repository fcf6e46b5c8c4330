import { ClientPool } from './lib/client-pool';
import { benchLine, percentile, round } from './lib/stats';
import { BenchTarget } from './lib/target';

/**
 * join-storm: N clients connect and join within a window; the figure is the p99 time from the
 * start of a client's connect to its consistent state (the join acknowledgement with the
 * snapshot). Baseline: a bare socket.io connect plus one 20 KB emit.
 */
export async function measureJoinStorm(target: BenchTarget, windowMs: number) {
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
  return {
    p99: percentile(joined.joinMs, 99),
    p50: percentile(joined.joinMs, 50),
    connectP99: percentile(joined.connectMs, 99),
    failures: joined.failures,
    firstError: joined.firstError,
    ackBytes: joined.ackBytes,
    sideBytes: target.sideBytes,
    sideWireBytes: target.sideWireBytes,
  };
}

export function joinStormLine(
  clients: number,
  ours: {
    p99: number;
    p50: number;
    connectP99: number;
    failures: number;
    ackBytes: number;
    sideBytes?: number;
    sideWireBytes?: number;
  },
  bare: { p99: number; p50: number; connectP99: number; failures: number; ackBytes: number },
): string {
  return benchLine('join-storm', {
    clients,
    ours_p99_ms: round(ours.p99),
    bare_p99_ms: round(bare.p99),
    ours_p50_ms: round(ours.p50),
    bare_p50_ms: round(bare.p50),
    // The handshake's part (connect → connected): ours checks the token and the session there.
    ours_connect_p99_ms: round(ours.connectP99),
    bare_connect_p99_ms: round(bare.connectP99),
    ours_snapshot_kb: round(ours.ackBytes / 1024),
    bare_snapshot_kb: round(bare.ackBytes / 1024),
    // Fetched after a snapshot join and kept with its ETag: the participants (roles, names, titles).
    ours_roster_kb: round((ours.sideBytes ?? 0) / 1024),
    ours_roster_gzip_kb: round((ours.sideWireBytes ?? 0) / 1024),
    ours_failures: ours.failures,
    bare_failures: bare.failures,
    ratio: round(ours.p99 / bare.p99, 2),
    target: '<=2',
  });
}
