/**
 * `npm run bench -- watermark`: stamping one reader's copy of a 100-page PDF (visible watermark +
 * invisible marks, apps/api/src/modules/document-copies/stamp) against pdf-lib's plain load and
 * save of the same bytes (both without pdf-lib's event-loop yields), alternated in the same run; ratio = stamp / plain (median of rounds),
 * target ≤ 1.5. Then 150 readers' copies through the worker pool (one thread per core): wall
 * time and the process's peak RSS while they run (worker threads live in the same process).
 */
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchLine, percentile, round } from './lib/stats';

interface CopyStamp {
  code: string;
  readerName: string;
  readerUnit: string | null;
  meetingTitle: string;
  issuedAt: string;
}
interface StampModules {
  stampPdf(pdf: Uint8Array, stamp: CopyStamp): Promise<Uint8Array>;
  samplePdf(pages: number, options?: { rotateEvery?: number }): Promise<Uint8Array>;
  newCopyCode(): string;
  PDFDocument: {
    load(
      pdf: Uint8Array,
      o: { parseSpeed: number },
    ): Promise<{ save(o: { objectsPerTick: number }): Promise<Uint8Array> }>;
  };
  StampPool: {
    new (threads?: number): {
      stamp(pdf: Uint8Array, stamp: CopyStamp): Promise<Uint8Array>;
      close(): Promise<void>;
    };
    share(pdf: Uint8Array): Uint8Array;
  };
}

/** The built API's stamping code (npm run bench builds first). */
function modules(): StampModules {
  const dir = path.resolve(__dirname, '../../../apps/api/dist/modules/document-copies/stamp');
  /* eslint-disable @typescript-eslint/no-require-imports */
  return {
    ...require(path.join(dir, 'stamp-pdf.js')),
    ...require(path.join(dir, 'sample-pdf.js')),
    ...require(path.join(dir, 'copy-code.js')),
    ...require(path.join(dir, 'stamp-pool.js')),
    PDFDocument: require(require.resolve('pdf-lib', { paths: [dir] })).PDFDocument,
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}

function stampFor(m: StampModules, i: number): CopyStamp {
  return {
    code: m.newCopyCode(),
    readerName: `Nguyễn Thị Hồng Nhung ${i}`,
    readerUnit: 'Chi bộ Khai Quang',
    meetingTitle: 'Họp Đảng ủy phường Vĩnh Phúc tháng 11',
    issuedAt: new Date(Date.UTC(2026, 10, 29, 1, 0, i)).toISOString(),
  };
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export async function measureWatermark(options: { pages: number; rounds: number; readers: number }) {
  const m = modules();
  const pdf = await m.samplePdf(options.pages, { rotateEvery: 10 });
  const plain: number[] = [];
  const stamp: number[] = [];
  for (let round = -2; round < options.rounds; round++) {
    // Alternate, so a burst of load from other work hits both sides alike; two rounds warm up.
    // The same no-yield options the stamping uses (it runs in a worker thread), so the ratio is
    // the stamping's own work and not pdf-lib's event-loop yields.
    const p = await timed(async () =>
      (await m.PDFDocument.load(pdf, { parseSpeed: Infinity })).save({ objectsPerTick: Infinity }),
    );
    const s = await timed(() => m.stampPdf(pdf, stampFor(m, round)));
    if (round >= 0) {
      plain.push(p);
      stamp.push(s);
    }
  }
  const threads = os.availableParallelism();
  const pool = new m.StampPool(threads);
  const shared = m.StampPool.share(pdf);
  await Promise.all([0, 1].map((i) => pool.stamp(shared, stampFor(m, i)))); // threads up, fonts built
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  let bytes = 0;
  const wall = await timed(() =>
    Promise.all(
      Array.from({ length: options.readers }, (_, i) =>
        pool.stamp(shared, stampFor(m, i)).then((copy) => (bytes += copy.byteLength)),
      ),
    ),
  );
  clearInterval(sampler);
  await pool.close();
  return {
    pdfBytes: pdf.byteLength,
    plainMs: percentile(plain, 50),
    stampMs: percentile(stamp, 50),
    threads,
    wallMs: wall,
    rssBeforeMb: rssBefore / 2 ** 20,
    peakRssMb: peak / 2 ** 20,
    copyBytes: bytes / options.readers,
  };
}

export function watermarkLine(
  o: { pages: number; readers: number },
  r: Awaited<ReturnType<typeof measureWatermark>>,
): string {
  return benchLine('watermark', {
    pages: o.pages,
    pdf_kb: round(r.pdfBytes / 1024, 0),
    stamp_ms: round(r.stampMs),
    plain_load_save_ms: round(r.plainMs),
    [`readers${o.readers}_threads`]: r.threads,
    [`readers${o.readers}_wall_ms`]: round(r.wallMs, 0),
    [`readers${o.readers}_per_copy_ms`]: round(r.wallMs / o.readers),
    [`readers${o.readers}_peak_rss_mb`]: round(r.peakRssMb, 0),
    rss_before_mb: round(r.rssBeforeMb, 0),
    copy_kb: round(r.copyBytes / 1024, 0),
    load: os.loadavg()[0].toFixed(2),
    ratio: round(r.stampMs / r.plainMs, 2),
    target: 1.5,
  });
}
