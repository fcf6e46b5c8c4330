import { fork } from 'node:child_process';
import path from 'node:path';

/**
 * Starts the bare baseline server (lib/bare-node.ts) in its own process, as ours runs in its own:
 * both sides then reach their clients across processes. (In the bench's own process the bare
 * server answered a join storm faster — p99 11.8 against 15.9 ms in one run — because that
 * process was already awake, which no real server is.) With a Redis URL it joins a cluster.
 */
export async function startBareServer(
  snapshotBytes: number,
  options: { port?: number; redisUrl?: string } = {},
): Promise<{ url: string; pid: number; close(): Promise<void> }> {
  const child = fork(
    path.join(__dirname, 'bare-node.js'),
    [String(options.port ?? 0), options.redisUrl ?? '-', String(snapshotBytes)],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`bare server exited (${code})`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
