import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ErrorCode, PdfRemovedFeature } from '@phonghop/common';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppException } from '../../common/errors/app-exception';
import { APP_CONFIG, AppConfig } from '../../config/env';
import { BoundedQueue } from './bounded-queue';
import { runLimited } from './limited-process';

export interface InspectedPdf {
  pageCount: number;
  removed: PdfRemovedFeature[];
}

/** qpdf gets this much address space; its parser needs little, a hostile xref gets no more. */
const QPDF_MEMORY_BYTES = 1024 * 1024 * 1024;
const WORKER_FILE = path.join(__dirname, 'pdf-sanitize.worker.js');

/**
 * Checks an untrusted PDF and writes its reading copy (docs/documents.md, "Hostile files"), every
 * step outside the API's event loop with a time and a memory limit:
 *  1. `qpdf --is-encrypted`: encrypted → DOCUMENT_ENCRYPTED;
 *  2. `qpdf --show-npages`: parses the cross-reference table and the page tree; a damaged or
 *     looping xref (qpdf warns it is reconstructing it) → DOCUMENT_DAMAGED; too many pages or too
 *     slow → DOCUMENT_TOO_COMPLEX;
 *  3. a worker thread (resourceLimits) with pdf-lib: counts what the compressed streams inflate
 *     to (a bomb → DOCUMENT_TOO_COMPLEX) and removes JavaScript, actions, embedded files, forms;
 *  4. `qpdf` rewrites that copy: only objects still referenced are written, so the removed
 *     scripts are not left in the file as orphans.
 * At most one check per core runs at a time on a node.
 */
@Injectable()
export class PdfInspectorService {
  private readonly logger = new Logger('PdfInspector');
  private readonly queue: BoundedQueue;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.queue = new BoundedQueue(Math.max(1, availableParallelism()), 200);
  }

  /** Checks `input` and writes its sanitised reading copy to `output`; throws the refusal's code. */
  inspect(input: string, output: string): Promise<InspectedPdf> {
    return this.queue.run(async () => {
      await this.refuseEncrypted(input);
      await this.checkStructure(input);
      const sanitised = `${output}.sanitised`;
      const result = await this.sanitise(input, sanitised);
      await this.rewrite(sanitised, output);
      return result;
    });
  }

  private qpdf(args: string[]) {
    return runLimited(this.config.QPDF_PATH, args, {
      timeoutMs: this.config.DOCUMENT_CHECK_TIMEOUT_MS,
      memoryBytes: QPDF_MEMORY_BYTES,
    });
  }

  private missingQpdf(): never {
    this.logger.error(`qpdf not found (${this.config.QPDF_PATH}): install the Debian package qpdf`);
    throw new AppException('INTERNAL_ERROR');
  }

  private async refuseEncrypted(input: string): Promise<void> {
    const r = await this.qpdf(['--is-encrypted', input]);
    if (r.missing) this.missingQpdf();
    if (r.timedOut) throw this.refuse('DOCUMENT_TOO_COMPLEX', 'qpdf --is-encrypted timed out');
    // 0: encrypted; 2: not encrypted; anything else: it could not even read the file.
    if (r.code === 0) throw this.refuse('DOCUMENT_ENCRYPTED', 'encrypted');
    if (r.code !== 2) throw this.refuse('DOCUMENT_DAMAGED', r.stderr);
  }

  private async checkStructure(input: string): Promise<void> {
    const r = await this.qpdf(['--show-npages', input]);
    if (r.timedOut) throw this.refuse('DOCUMENT_TOO_COMPLEX', 'qpdf --show-npages timed out');
    if (r.code === null) throw this.refuse('DOCUMENT_TOO_COMPLEX', `qpdf killed: ${r.stderr}`);
    // 3: warnings — qpdf had to repair the file (a broken or looping xref); we do not guess.
    if (r.code !== 0) throw this.refuse('DOCUMENT_DAMAGED', r.stderr);
    const pages = Number(r.stdout.trim());
    if (!Number.isInteger(pages) || pages < 1) throw this.refuse('DOCUMENT_DAMAGED', `pages: ${r.stdout}`);
    if (pages > this.config.DOCUMENT_MAX_PAGES) throw this.refuse('DOCUMENT_TOO_COMPLEX', `${pages} pages`);
  }

  private sanitise(input: string, output: string): Promise<InspectedPdf> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(WORKER_FILE, {
        workerData: {
          input,
          output,
          maxPages: this.config.DOCUMENT_MAX_PAGES,
          maxInflatedBytes: this.config.DOCUMENT_MAX_INFLATED_BYTES,
        },
        resourceLimits: {
          maxOldGenerationSizeMb: this.config.DOCUMENT_CHECK_MEMORY_MB,
          maxYoungGenerationSizeMb: 64,
        },
        stdout: true,
        stderr: true,
      });
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        fn();
      };
      const timer = setTimeout(
        () => settle(() => reject(this.refuse('DOCUMENT_TOO_COMPLEX', 'sanitising timed out'))),
        this.config.DOCUMENT_CHECK_TIMEOUT_MS,
      );
      worker.on(
        'message',
        (
          m:
            | { ok: true; pageCount: number; removed: PdfRemovedFeature[] }
            | { ok: false; code: ErrorCode; detail: string },
        ) =>
          settle(() =>
            m.ok
              ? resolve({ pageCount: m.pageCount, removed: m.removed })
              : reject(this.refuse(m.code, m.detail)),
          ),
      );
      // Out of heap: the file was too much for the limits. Anything else is our bug, not the file's.
      worker.on('error', (err: Error & { code?: string }) =>
        settle(() =>
          reject(
            err.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? this.refuse('DOCUMENT_TOO_COMPLEX', err.message)
              : this.crash(err.message),
          ),
        ),
      );
      worker.on('exit', (code) =>
        settle(() => reject(this.crash(`worker exited ${code} without an answer`))),
      );
    });
  }

  private async rewrite(input: string, output: string): Promise<void> {
    const r = await this.qpdf([input, output]);
    if (r.timedOut) throw this.refuse('DOCUMENT_TOO_COMPLEX', 'qpdf rewrite timed out');
    if (r.code !== 0 && r.code !== 3) throw this.refuse('DOCUMENT_DAMAGED', r.stderr);
  }

  private crash(detail: string): AppException {
    this.logger.error(`PDF check failed: ${detail}`);
    return new AppException('INTERNAL_ERROR');
  }

  private refuse(code: ErrorCode, detail: string): AppException {
    this.logger.warn(`PDF refused ${code}: ${detail.slice(0, 300)}`);
    return new AppException(code);
  }
}
