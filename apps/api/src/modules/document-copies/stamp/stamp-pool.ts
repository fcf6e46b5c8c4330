import os from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';
import type { FoundMarks } from './marks';
import type { CopyStamp } from './stamp-pdf';
import type { StampTask } from './stamp.worker';

/**
 * Stamping is CPU work (parse, write, compress): done on the event loop it would stall every
 * socket of the node for the length of a document. A piscina pool runs it in worker threads, one
 * per core by default, so 150 readers opening the same document keep every core busy and the
 * event loop free. Threads leave after a minute idle (each holds its font template, ~2 MB).
 */
export class StampPool {
  private readonly pool: Piscina<StampTask | Uint8Array, Uint8Array | FoundMarks>;

  constructor(threads = os.availableParallelism()) {
    const built = __filename.endsWith('.js');
    this.pool = new Piscina({
      filename: path.join(__dirname, built ? 'stamp.worker.js' : 'stamp-worker-dev.js'),
      minThreads: 0,
      maxThreads: threads,
      idleTimeout: 60_000,
    });
  }

  get threads(): number {
    return this.pool.options.maxThreads;
  }

  /** Puts the original's bytes where every thread reads them without a copy per task. */
  static share(pdf: Uint8Array): Uint8Array {
    const shared = new Uint8Array(new SharedArrayBuffer(pdf.byteLength));
    shared.set(pdf);
    return shared;
  }

  stamp(pdf: Uint8Array, stamp: CopyStamp, page?: number): Promise<Uint8Array> {
    return this.pool.run({ pdf, stamp, page }) as Promise<Uint8Array>;
  }

  /**
   * Reads a leaked file's invisible marks in a thread. A file that takes longer than `timeoutMs`
   * (a decompression bomb, an xref loop) is abandoned: piscina ends that thread.
   */
  readMarks(pdf: Uint8Array, timeoutMs = 30_000): Promise<FoundMarks> {
    return this.pool.run(pdf, {
      name: 'readMarksTask',
      signal: AbortSignal.timeout(timeoutMs),
    }) as Promise<FoundMarks>;
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}
