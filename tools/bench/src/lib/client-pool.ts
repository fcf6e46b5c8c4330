import { ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import type { WorkerCommand, WorkerReply } from './client-worker';

/** What a pool's clients report after connecting and joining (every client's times, in ms). */
export type JoinedClients = Omit<Extract<WorkerReply, { type: 'joined' }>, 'type'>;

/** Many socket.io clients spread over child processes (one per core by default). */
export class ClientPool {
  private readonly workers: ChildProcess[];

  constructor(workerCount: number) {
    this.workers = Array.from({ length: workerCount }, () =>
      fork(path.join(__dirname, 'client-worker.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
    );
  }

  private ask<T extends WorkerReply['type']>(
    worker: ChildProcess,
    command: WorkerCommand,
    type: T,
  ): Promise<Extract<WorkerReply, { type: T }>> {
    return new Promise((resolve) => {
      const onMessage = (reply: WorkerReply) => {
        if (reply.type !== type) return;
        worker.off('message', onMessage);
        resolve(reply as Extract<WorkerReply, { type: T }>);
      };
      worker.on('message', onMessage);
      worker.send(command);
    });
  }

  /** Connects one client per token (null: no auth) and joins; returns join times and failures. */
  async connect(options: {
    url: string;
    tokens: (string | null)[];
    joinEvent: string;
    joinPayload: unknown;
    eventName: string;
    spreadMs: number;
  }): Promise<JoinedClients> {
    const n = this.workers.length;
    const replies = await Promise.all(
      this.workers.map((w, i) =>
        this.ask(
          w,
          { cmd: 'connect', ...options, tokens: options.tokens.filter((_, j) => j % n === i) },
          'joined',
        ),
      ),
    );
    return {
      joinMs: replies.flatMap((r) => r.joinMs),
      joinStartMs: replies.flatMap((r) => r.joinStartMs),
      connectMs: replies.flatMap((r) => r.connectMs),
      failures: replies.reduce((s, r) => s + r.failures, 0),
      firstError: replies.find((r) => r.firstError)?.firstError,
      ackBytes: Math.max(...replies.map((r) => r.ackBytes)),
    };
  }

  /** Latencies and per-event receive counts since the last collect. */
  async collect(): Promise<{ latencies: number[]; received: Record<string, number> }> {
    const replies = await Promise.all(this.workers.map((w) => this.ask(w, { cmd: 'collect' }, 'collected')));
    const received: Record<string, number> = {};
    for (const r of replies)
      for (const [k, v] of Object.entries(r.received)) received[k] = (received[k] ?? 0) + v;
    return { latencies: replies.flatMap((r) => r.latencies), received };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => this.ask(w, { cmd: 'close' }, 'closed')));
  }
}
