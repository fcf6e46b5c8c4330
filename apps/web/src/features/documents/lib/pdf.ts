import {
  getDocument,
  GlobalWorkerOptions,
  PDFWorker,
  type PDFDocumentLoadingTask,
  type PDFDocumentProxy,
} from 'pdfjs-dist';
// The worker is bundled by Vite from the npm package (no CDN); the CSP allows workers from 'self'.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/**
 * One pdf.js worker for the whole session, started ahead of the first document (`warmUp`, called
 * when a documents list shows a readable one): starting it — fetching and compiling 1.2 MB — is
 * the slowest part of opening the first document, and it is paid once, not per document.
 */
let worker: PDFWorker | null = null;
export function warmUp(): PDFWorker {
  if (!worker) {
    mark('reader:worker-start');
    worker = new PDFWorker();
    void worker.promise.then(() => mark('reader:worker-ready')).catch(() => undefined);
  }
  return worker;
}

/**
 * A User Timing mark on the way to the first page (docs/benchmarks.md, reader-first-page): the
 * bench reads them, and so can anyone in the browser's performance panel. Costs nothing.
 */
export function mark(name: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(name);
}

/** Character maps, standard fonts and image decoders: copied into the build by vite.config.ts. */
const ASSETS = '/pdfjs/';

/**
 * Opens a PDF the API serves (the reader's own stamped copy) with the session's bearer token.
 * pdf.js streams it and renders a page as soon as that page's objects have arrived; nothing is
 * prefetched beyond what is shown (`disableAutoFetch`), so a 100-page document opens at page 1.
 */
export function openPdf(url: string, token: string | null): PDFDocumentLoadingTask {
  return getDocument({
    url,
    httpHeaders: token ? { authorization: `Bearer ${token}` } : undefined,
    withCredentials: false,
    cMapUrl: `${ASSETS}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${ASSETS}standard_fonts/`,
    wasmUrl: `${ASSETS}wasm/`,
    // No eval (the CSP forbids it), no scripts, no forms: the reader only shows pages.
    isEvalSupported: false,
    enableXfa: false,
    disableAutoFetch: true,
    worker: warmUp(),
  });
}

export type { PDFDocumentProxy };

/** Each page's text as one string (for search); read once per document, page by page. */
export async function readPageTexts(
  pdf: PDFDocumentProxy,
  signal: { cancelled: boolean },
): Promise<string[]> {
  const texts: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    if (signal.cancelled) break;
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    texts.push(
      content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''),
    );
  }
  return texts;
}
