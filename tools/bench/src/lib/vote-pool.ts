import { ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import type { CastOutcome, VoteWorkerCommand, VoteWorkerReply } from './vote-worker';

/**
 * Many voters' socket.io clients spread over child processes (lib/vote-worker.ts). Client j lives
 * in worker j % n; every per-client array given or returned here is in the clients' global order.
 */
export class VotePool {
  private readonly workers: ChildProcess[];

  constructor(workerCount: number) {
    this.workers = Array.from({ length: workerCount }, () =>
      fork(path.join(__dirname, 'vote-worker.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
    );
  }

  private ask<T extends VoteWorkerReply['type']>(
    worker: ChildProcess,
    command: VoteWorkerCommand,
    type: T,
  ): Promise<Extract<VoteWorkerReply, { type: T }>> {
    return new Promise((resolve) => {
      const onMessage = (reply: VoteWorkerReply) => {
        if (reply.type !== type) return;
        worker.off('message', onMessage);
        resolve(reply as Extract<VoteWorkerReply, { type: T }>);
      };
      worker.on('message', onMessage);
      worker.send(command);
    });
  }

  /** This worker's share of a per-client array. */
  private share<T>(values: T[], w: number): T[] {
    return values.filter((_, j) => j % this.workers.length === w);
  }

  /** Puts per-worker arrays back into the global order. */
  private merge<T>(perWorker: T[][]): T[] {
    const n = this.workers.length;
    const total = perWorker.reduce((s, a) => s + a.length, 0);
    return Array.from({ length: total }, (_, j) => perWorker[j % n][Math.floor(j / n)]);
  }

  async connect(
    o: Omit<Extract<VoteWorkerCommand, { cmd: 'connect' }>, 'cmd'>,
  ): Promise<{ failures: number; firstError?: string; retried: number }> {
    const replies = await Promise.all(
      this.workers.map((w, i) =>
        this.ask(w, { cmd: 'connect', ...o, tokens: this.share(o.tokens, i) }, 'joined'),
      ),
    );
    return {
      failures: replies.reduce((s, r) => s + r.failures, 0),
      retried: replies.reduce((s, r) => s + r.retried, 0),
      firstError: replies.find((r) => r.firstError)?.firstError,
    };
  }

  /** Every client sends one command (payloads in client order). */
  async command(
    event: string,
    payloads: unknown[],
    concurrency: number,
  ): Promise<{ failures: number; firstError?: string }> {
    const replies = await Promise.all(
      this.workers.map((w, i) =>
        this.ask(w, { cmd: 'command', event, payloads: this.share(payloads, i), concurrency }, 'commanded'),
      ),
    );
    return {
      failures: replies.reduce((s, r) => s + r.failures, 0),
      firstError: replies.find((r) => r.firstError)?.firstError,
    };
  }

  async cast(event: string, payloads: unknown[], at: number[], retry: boolean[]): Promise<CastOutcome[]> {
    const replies = await Promise.all(
      this.workers.map((w, i) =>
        this.ask(
          w,
          {
            cmd: 'cast',
            event,
            payloads: this.share(payloads, i),
            at: this.share(at, i),
            retry: this.share(retry, i),
          },
          'cast',
        ),
      ),
    );
    return this.merge(replies.map((r) => r.outcomes));
  }

  async results(
    since: number,
    timeoutMs: number,
  ): Promise<{ arrivals: (number | null)[]; results: Record<string, number> }> {
    const replies = await Promise.all(
      this.workers.map((w) => this.ask(w, { cmd: 'results', since, timeoutMs }, 'results')),
    );
    const results: Record<string, number> = {};
    for (const r of replies)
      for (const [k, v] of Object.entries(r.results)) results[k] = (results[k] ?? 0) + v;
    return { arrivals: this.merge(replies.map((r) => r.arrivals)), results };
  }

  /** Waits until no client has received anything for `quietMs` (every worker), or the timeout. */
  async settle(quietMs: number, timeoutMs: number): Promise<{ received: number; quiet: boolean }> {
    const replies = await Promise.all(
      this.workers.map((w) => this.ask(w, { cmd: 'settle', quietMs, timeoutMs }, 'settled')),
    );
    return {
      received: replies.reduce((s, r) => s + r.received, 0),
      quiet: replies.every((r) => r.quiet),
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => this.ask(w, { cmd: 'close' }, 'closed')));
  }
}
