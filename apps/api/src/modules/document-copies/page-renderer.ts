import { spawn } from 'node:child_process';
import os from 'node:os';

/**
 * Page images of confidential documents, rendered by poppler's `pdftoppm` (Debian poppler-utils).
 * Why pdftoppm rather than pdf.js in Node with a canvas: it is already on the machine (the tests
 * and `pdftotext` use it), it is fast native code with no canvas addon to ship, and it runs in its
 * own process — a page that makes the renderer spin or balloon is killed at the time limit without
 * touching the API's memory or event loop. The PDF it renders is the one-page stamped copy, so the
 * watermark is burned into the pixels.
 */
export const PAGE_WIDTH_DEFAULT = 1240;
export const PAGE_WIDTH_MIN = 320;
export const PAGE_WIDTH_MAX = 2480;
const TIME_LIMIT_MS = 20_000;
const MAX_OUTPUT = 64 * 2 ** 20;

/** At most this many renderers at once on a node; the others wait their turn. */
const slots = { free: Math.max(2, os.availableParallelism() * 2), waiting: [] as (() => void)[] };

async function withSlot<T>(work: () => Promise<T>): Promise<T> {
  if (slots.free === 0) await new Promise<void>((resolve) => slots.waiting.push(resolve));
  else slots.free -= 1;
  try {
    return await work();
  } finally {
    const next = slots.waiting.shift();
    if (next) next();
    else slots.free += 1;
  }
}

/** Renders page 1 of `pdf` as a PNG `width` pixels wide. */
export function renderPng(pdf: Uint8Array, width: number): Promise<Buffer> {
  return withSlot(
    () =>
      new Promise<Buffer>((resolve, reject) => {
        const child = spawn(
          'pdftoppm',
          [
            '-png',
            '-singlefile',
            '-f',
            '1',
            '-l',
            '1',
            '-scale-to-x',
            String(width),
            '-scale-to-y',
            '-1',
            '-',
          ],
          { stdio: ['pipe', 'pipe', 'pipe'], timeout: TIME_LIMIT_MS, killSignal: 'SIGKILL' },
        );
        const out: Buffer[] = [];
        let size = 0;
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_OUTPUT) child.kill('SIGKILL');
          else out.push(chunk);
        });
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString().slice(0, 500)));
        child.on('error', reject);
        child.on('close', (code, signal) => {
          if (code === 0 && size <= MAX_OUTPUT) resolve(Buffer.concat(out));
          else reject(new Error(`pdftoppm failed (${signal ?? code}): ${stderr.trim()}`));
        });
        child.stdin.on('error', () => undefined); // it may exit before reading everything
        child.stdin.end(pdf);
      }),
  );
}
