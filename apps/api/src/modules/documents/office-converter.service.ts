import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DocumentFailureReason, DocumentFileKind } from '@phonghop/common';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { AppException } from '../../common/errors/app-exception';
import { APP_CONFIG, AppConfig } from '../../config/env';
import { BoundedQueue } from './bounded-queue';
import { runLimited } from './limited-process';

export class ConversionFailed extends Error {
  constructor(
    readonly reason: DocumentFailureReason,
    detail: string,
  ) {
    super(detail);
  }
}

/**
 * Office files (.docx .xlsx .pptx .odt .ods .odp) → PDF with LibreOffice in headless mode, in a
 * bounded queue: one conversion per core (DOCUMENT_CONVERT_CONCURRENCY), a time limit each
 * (DOCUMENT_CONVERT_TIMEOUT_MS; the whole process group is killed), each with its own throw-away
 * profile (-env:UserInstallation), since two soffice processes sharing a profile block each other.
 */
@Injectable()
export class OfficeConverterService {
  private readonly logger = new Logger('OfficeConverter');
  readonly queue: BoundedQueue;
  private availability: boolean | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.queue = new BoundedQueue(
      config.DOCUMENT_CONVERT_CONCURRENCY ?? Math.max(1, availableParallelism()),
      config.DOCUMENT_CONVERT_QUEUE,
    );
  }

  /** Whether LibreOffice can be started (checked once per process, by `soffice --version`). */
  available(): boolean {
    if (this.availability === null) {
      const r = spawnSync(this.config.SOFFICE_PATH, ['--version'], { timeout: 30_000, stdio: 'ignore' });
      this.availability = !r.error && r.status === 0;
      if (!this.availability) {
        this.logger.warn(
          `LibreOffice not found (${this.config.SOFFICE_PATH}): Office uploads are refused. ` +
            'Install libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui.',
        );
      }
    }
    return this.availability;
  }

  /** Refuses an Office upload at once when LibreOffice is missing (DOCUMENT_CONVERTER_MISSING). */
  requireAvailable(): void {
    if (!this.available()) throw new AppException('DOCUMENT_CONVERTER_MISSING');
  }

  /**
   * Converts the original (streamed from storage) and writes the PDF to `output`. Throws
   * ConversionFailed with the reason; waits in the queue (RATE_LIMITED when it is full).
   */
  convert(original: Readable, kind: DocumentFileKind, output: string): Promise<void> {
    return this.queue.run(async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'phonghop-convert-'));
      try {
        const input = path.join(dir, `source.${kind}`);
        await pipeline(original, createWriteStream(input));
        const outDir = path.join(dir, 'out');
        const profile = path.join(dir, 'profile');
        const r = await runLimited(
          this.config.SOFFICE_PATH,
          [
            `-env:UserInstallation=file://${profile}`,
            '--headless',
            '--norestore',
            '--nolockcheck',
            '--convert-to',
            'pdf',
            '--outdir',
            outDir,
            input,
          ],
          {
            timeoutMs: this.config.DOCUMENT_CONVERT_TIMEOUT_MS,
            cwd: dir,
            env: { ...process.env, HOME: dir },
          },
        );
        if (r.missing) throw new ConversionFailed('converter_error', 'soffice not installed');
        if (r.timedOut) throw new ConversionFailed('timeout', 'LibreOffice took too long');
        const produced = await readdir(outDir).catch(() => [] as string[]);
        if (r.code !== 0 || !produced.includes('source.pdf')) {
          throw new ConversionFailed('converter_error', `soffice exit ${r.code}: ${r.stderr.slice(0, 300)}`);
        }
        await copyFile(path.join(outDir, 'source.pdf'), output);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  }
}
