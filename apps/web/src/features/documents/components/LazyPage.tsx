import { useEffect, useRef, useState, type ReactNode } from 'react';
import { mark, type PDFDocumentProxy } from '../lib/pdf';
import { fetchObjectUrl } from '../api/documents-api';
import classes from './DocumentReader.module.css';

/** Where a page's pixels come from: pdf.js in the browser, or the server's page image (confidential). */
export type PageSource =
  | { kind: 'pdf'; pdf: PDFDocumentProxy }
  | { kind: 'images'; urlFor: (page: number, width: number) => string };

/** A canvas never gets more pixels than this (a tablet's memory), whatever the zoom. */
const MAX_CANVAS_PIXELS = 12_000_000;

/**
 * One page, drawn only while it is on screen or near it: an IntersectionObserver (set up by the
 * reader for all its pages) says so through `near`. Away from the screen the canvas is dropped, so
 * a 300-page document holds a handful of canvases, never all of them.
 */
export function LazyPage({
  source,
  page,
  width,
  ratio,
  near,
  label,
  onSize,
  pageRef,
  children,
}: {
  pageRef?: (el: HTMLElement | null) => void;
  source: PageSource;
  page: number;
  /** CSS pixels. */
  width: number;
  /** height / width, until the page itself says. */
  ratio: number;
  near: boolean;
  label: string;
  /** The page's real height/width ratio once known. */
  onSize?: (page: number, ratio: number) => void;
  children?: ReactNode;
}) {
  const height = Math.round(width * ratio);
  return (
    <div
      ref={pageRef}
      className={classes.page}
      style={{ width, height }}
      data-page={page}
      data-testid="reader-page"
      role="group"
      aria-label={label}
    >
      {near &&
        (source.kind === 'pdf' ? (
          <PdfCanvas pdf={source.pdf} page={page} width={width} onSize={onSize} />
        ) : (
          <PageImage url={source.urlFor(page, imageWidth(width))} page={page} onSize={onSize} />
        ))}
      {children}
    </div>
  );
}

/** Server images come in a few widths (cached per width), at the screen's pixel density. */
function imageWidth(cssWidth: number): number {
  const px = cssWidth * (window.devicePixelRatio || 1);
  return Math.min(2400, Math.max(400, Math.ceil(px / 200) * 200));
}

function PdfCanvas({
  pdf,
  page,
  width,
  onSize,
}: {
  pdf: PDFDocumentProxy;
  page: number;
  width: number;
  onSize?: (page: number, ratio: number) => void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let task: { cancel(): void; promise: Promise<void> } | null = null;
    void (async () => {
      const proxy = await pdf.getPage(page);
      if (cancelled || !canvas.current) return;
      const base = proxy.getViewport({ scale: 1 });
      onSize?.(page, base.height / base.width);
      const viewport = proxy.getViewport({ scale: width / base.width });
      const dpr = Math.min(
        window.devicePixelRatio || 1,
        Math.sqrt(MAX_CANVAS_PIXELS / (viewport.width * viewport.height)),
      );
      const el = canvas.current;
      el.width = Math.floor(viewport.width * dpr);
      el.height = Math.floor(viewport.height * dpr);
      el.style.width = `${viewport.width}px`;
      el.style.height = `${viewport.height}px`;
      task = proxy.render({
        canvas: el,
        viewport,
        transform: dpr !== 1 ? [dpr, 0, 0, dpr, 0, 0] : undefined,
      });
      try {
        await task.promise;
        if (cancelled) return;
        if (page === 1) mark('reader:page1-drawn');
        setDrawn(true);
      } catch {
        // cancelled because the page left the screen or the zoom changed
      }
    })();
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [pdf, page, width, onSize]);

  return <canvas ref={canvas} className={classes.canvas} data-drawn={drawn} aria-hidden />;
}

function PageImage({
  url,
  page,
  onSize,
}: {
  url: string;
  page: number;
  onSize?: (page: number, ratio: number) => void;
}) {
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const abort = new AbortController();
    let objectUrl: string | null = null;
    fetchObjectUrl(url, abort.signal)
      .then((u) => {
        objectUrl = u;
        setSrc(u);
      })
      .catch(() => {
        if (!abort.signal.aborted) setFailed(true);
      });
    return () => {
      abort.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [url]);
  if (failed) return <div className={classes.pageFailed} data-testid="reader-page-failed" />;
  if (!src) return null;
  return (
    <img
      src={src}
      alt=""
      className={classes.canvas}
      data-drawn="true"
      draggable={false}
      onLoad={(e) => onSize?.(page, e.currentTarget.naturalHeight / e.currentTarget.naturalWidth)}
    />
  );
}
