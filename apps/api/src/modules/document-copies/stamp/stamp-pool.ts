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
 * event loop free. Threads beyond the first leave after a minute idle (each holds its font
 * template, ~2 MB); on the server the first stays, so a reader who opens a document after a quiet hour does not
 * pay a thread's start, module load and compilation (~0.6 s) on top of the stamping.
 */
export class StampPool {
  private readonly pool: Piscina<StampTask | Uint8Array, Uint8Array | FoundMarks>;

  /** `keepWarm`: one thread stays when idle (the server; tests and tools start from none). */
  constructor(threads = os.availableParallelism(), keepWarm = false) {
    const built = __filename.endsWith('.js');
    this.pool = new Piscina({
      filename: path.join(__dirname, built ? 'stamp.worker.js' : 'stamp-worker-dev.js'),
      minThreads: keepWarm ? 1 : 0,
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

  /**
   * Stamps a small sample once (in a pool thread), so the first reader's copy finds the thread
   * started, the font template loaded and the stamping code compiled: measured 0.67 s for the
   * first 100-page stamp of a cold pool, 0.13 s for the second, 0.03 s warm.
   */
  async warmUp(): Promise<void> {
    const { samplePdf } = await import('./sample-pdf');
    await this.stamp(StampPool.share(await samplePdf(20)), {
      code: '347ACEFH',
      readerName: 'Khởi động',
      readerUnit: null,
      meetingTitle: '',
      issuedAt: new Date(0).toISOString(),
    });
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}
