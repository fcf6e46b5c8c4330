import {
  ActionIcon,
  Alert,
  Box,
  Center,
  Group,
  Loader,
  NumberInput,
  Text,
  TextInput,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import type { DocumentVersion, MeetingDocument } from '@phonghop/common';
import {
  IconArrowAutofitWidth,
  IconChevronDown,
  IconChevronUp,
  IconLayoutSidebar,
  IconSearch,
  IconX,
  IconZoomIn,
  IconZoomOut,
} from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCodeOf } from '../../../lib/api-error';
import { session } from '../../../lib/session';
import { useErrorMessage } from '../../../lib/use-error-message';
import { documentsApi } from '../api/documents-api';
import { useNearPages } from '../hooks/use-near-pages';
import { mark, openPdf, readPageTexts, type PDFDocumentProxy } from '../lib/pdf';
import { searchPages, type SearchHit } from '../lib/vietnamese-search';
import classes from './DocumentReader.module.css';
import { LazyPage, type PageSource } from './LazyPage';

/** CSS pixels per PDF point at 100 % (what pdf.js's own viewer calls 100 %). */
const CSS_UNITS = 96 / 72;
const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];
/** A4 portrait, until the first page says otherwise. */
const A4 = { width: 595, ratio: 842 / 595 };
const THUMB_WIDTH = 100;

export interface ReaderProps {
  meetingId: string;
  document: MeetingDocument;
  version: DocumentVersion;
  /** Show this page (following the presenter); `key` changes for each new instruction. */
  goTo?: { page: number; key: string } | null;
  /** The page the reader is on changed (the one most in view). */
  onPageChange?: (page: number) => void;
  /** Controls shown in the toolbar (follow, present). */
  toolbar?: ReactNode;
  /** Drawn over each page near the screen (e.g. the reader's highlights); the page's size in CSS px. */
  pageOverlay?: (page: number, width: number, height: number) => ReactNode;
  /** A panel beside the pages (e.g. the reader's notes on the current page). */
  aside?: (page: number) => ReactNode;
}

/**
 * The in-app reader. Ordinary documents: the reader's own stamped copy, opened with pdf.js
 * (bundled worker, cMaps and fonts) and drawn page by page as pages come near the screen.
 * Confidential ("Mật") documents: the same layout with the server's page images (watermark burned
 * in), so no PDF ever reaches the browser; no thumbnails (every page image is a logged view) and no
 * text search (there is no text).
 */
export function DocumentReader(props: ReaderProps) {
  const { meetingId, document, version } = props;
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const confidential = document.accessLevel === 'confidential';
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [base, setBase] = useState(A4);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (confidential) return;
    setPdf(null);
    setError(null);
    let task: ReturnType<typeof openPdf> | null = null;
    let cancelled = false;
    mark('reader:open');
    void (async () => {
      task = openPdf(documentsApi.copyUrl(meetingId, document.id, version.id), await session.freshToken());
      try {
        const doc = await task.promise;
        mark('reader:document-ready');
        const first = (await doc.getPage(1)).getViewport({ scale: 1 });
        mark('reader:page1-ready');
        if (cancelled) return;
        setBase({ width: first.width, ratio: first.height / first.width });
        setPdf(doc);
      } catch (err) {
        if (!cancelled) setError(readerErrorCode(err));
      }
    })();
    return () => {
      cancelled = true;
      void task?.destroy();
    };
  }, [confidential, meetingId, document.id, version.id]);

  const source: PageSource | null = useMemo(() => {
    if (confidential) {
      return {
        kind: 'images',
        urlFor: (page, width) => documentsApi.pageImageUrl(meetingId, document.id, version.id, page, width),
      };
    }
    return pdf ? { kind: 'pdf', pdf } : null;
  }, [confidential, pdf, meetingId, document.id, version.id]);
  const pageCount = confidential ? (version.pageCount ?? 0) : (pdf?.numPages ?? 0);

  if (error) {
    return (
      <Alert color="red" m="md" data-testid="reader-error">
        {errorMessage({ code: error })}
      </Alert>
    );
  }
  if (!source || pageCount === 0) {
    return (
      <Center h="100%" py="xl" data-testid="reader-loading">
        <Loader aria-label={t('reader.loading')} />
      </Center>
    );
  }
  return <ReaderView {...props} source={source} pageCount={pageCount} base={base} />;
}

function readerErrorCode(err: unknown): string {
  // pdf.js reports HTTP failures as ResponseException with a status.
  const status = (err as { status?: number } | null)?.status;
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 401) return 'UNAUTHENTICATED';
  const code = errorCodeOf(err);
  return code === 'NETWORK' ? 'INTERNAL_ERROR' : code;
}

function ReaderView({
  source,
  pageCount,
  base,
  goTo,
  onPageChange,
  toolbar,
  pageOverlay,
  aside,
  document,
}: ReaderProps & { source: PageSource; pageCount: number; base: { width: number; ratio: number } }) {
  const { t } = useTranslation();
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const [available, setAvailable] = useState(0);
  const [zoom, setZoom] = useState<'fit' | number>('fit');
  const [ratios, setRatios] = useState<ReadonlyMap<number, number>>(new Map());
  const [current, setCurrent] = useState(1);
  const [thumbsOpen, setThumbsOpen] = useState(false);
  const [search, setSearch] = useState<{ query: string; hits: SearchHit[] | null } | null>(null);
  const texts = useRef<Promise<string[]> | null>(null);
  const { near, observe, elementOf } = useNearPages(scroller);
  const canSearch = source.kind === 'pdf';

  const fitWidth = Math.max(200, (available || 800) - 24);
  const pageWidth = Math.round(zoom === 'fit' ? fitWidth : base.width * CSS_UNITS * zoom);
  const percent = Math.round((pageWidth / (base.width * CSS_UNITS)) * 100);

  const onSize = useCallback((page: number, ratio: number) => {
    setRatios((prev) =>
      Math.abs((prev.get(page) ?? 0) - ratio) < 0.001 ? prev : new Map(prev).set(page, ratio),
    );
  }, []);

  const scrollTo = useCallback(
    (page: number) => {
      const el = elementOf(Math.min(Math.max(1, page), pageCount));
      if (el && scroller) scroller.scrollTo({ top: el.offsetTop - 8 });
    },
    [elementOf, scroller, pageCount],
  );

  // Fit to width follows the reader's width (rotating a tablet, opening the thumbnails).
  useEffect(() => {
    if (!scroller) return;
    const observer = new ResizeObserver(([entry]) => setAvailable(entry.contentRect.width));
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [scroller]);

  // The current page: the one under the upper third of the view.
  useEffect(() => {
    if (!scroller) return;
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const line = scroller.scrollTop + scroller.clientHeight / 3;
        let page = 1;
        for (let n = 1; n <= pageCount; n++) {
          const el = elementOf(n);
          if (!el) continue;
          if (el.offsetTop <= line) page = n;
          else break;
        }
        setCurrent(page);
      });
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, [scroller, elementOf, pageCount]);

  const pageChanged = useRef(onPageChange);
  pageChanged.current = onPageChange;
  useEffect(() => pageChanged.current?.(current), [current]);

  // Following: go where the presenter is.
  useEffect(() => {
    if (goTo) scrollTo(goTo.page);
  }, [goTo, scrollTo]);

  // A new zoom keeps the page one was reading in view.
  const keepPage = useRef(current);
  keepPage.current = current;
  useEffect(() => {
    scrollTo(keepPage.current);
  }, [pageWidth, scrollTo]);

  const runSearch = async (query: string) => {
    if (source.kind !== 'pdf') return;
    setSearch({ query, hits: null });
    texts.current ??= readPageTexts(source.pdf, { cancelled: false });
    const hits = searchPages(await texts.current, query);
    setSearch((s) => (s?.query === query ? { query, hits } : s));
  };

  const zoomStep = (dir: 1 | -1) => {
    const now = percent / 100;
    const next =
      dir > 0 ? ZOOMS.find((z) => z > now + 0.01) : [...ZOOMS].reverse().find((z) => z < now - 0.01);
    if (next) setZoom(next);
  };

  return (
    <div
      className={classes.reader}
      data-testid="document-reader"
      data-current-page={current}
      data-pages={pageCount}
    >
      <div className={classes.toolbar} role="toolbar" aria-label={t('reader.toolbar')}>
        {source.kind === 'pdf' && (
          <Tooltip label={t('reader.thumbnails')}>
            <ActionIcon
              variant={thumbsOpen ? 'filled' : 'subtle'}
              size="lg"
              aria-label={t('reader.thumbnails')}
              aria-pressed={thumbsOpen}
              onClick={() => setThumbsOpen((o) => !o)}
              visibleFrom="sm"
              data-testid="reader-thumbnails-toggle"
            >
              <IconLayoutSidebar size={20} />
            </ActionIcon>
          </Tooltip>
        )}
        <Group gap={4} wrap="nowrap">
          <ActionIcon
            variant="subtle"
            size="lg"
            aria-label={t('reader.previousPage')}
            disabled={current <= 1}
            onClick={() => scrollTo(current - 1)}
          >
            <IconChevronUp size={20} />
          </ActionIcon>
          <NumberInput
            value={current}
            min={1}
            max={pageCount}
            w={64}
            size="sm"
            hideControls
            aria-label={t('reader.pageNumber')}
            data-testid="reader-page-input"
            onKeyDown={(e) => {
              if (e.key === 'Enter') scrollTo(Number((e.target as HTMLInputElement).value));
            }}
            onBlur={(e) => scrollTo(Number(e.target.value))}
          />
          <Text size="sm" c="gray.8" data-testid="reader-page-count">
            / {pageCount}
          </Text>
          <ActionIcon
            variant="subtle"
            size="lg"
            aria-label={t('reader.nextPage')}
            disabled={current >= pageCount}
            onClick={() => scrollTo(current + 1)}
            data-testid="reader-next-page"
          >
            <IconChevronDown size={20} />
          </ActionIcon>
        </Group>
        <Group gap={4} wrap="nowrap">
          <ActionIcon
            variant="subtle"
            size="lg"
            aria-label={t('reader.zoomOut')}
            onClick={() => zoomStep(-1)}
          >
            <IconZoomOut size={20} />
          </ActionIcon>
          <Text size="sm" w={44} ta="center" data-testid="reader-zoom">
            {percent}%
          </Text>
          <ActionIcon variant="subtle" size="lg" aria-label={t('reader.zoomIn')} onClick={() => zoomStep(1)}>
            <IconZoomIn size={20} />
          </ActionIcon>
          <Tooltip label={t('reader.fitWidth')}>
            <ActionIcon
              variant={zoom === 'fit' ? 'filled' : 'subtle'}
              size="lg"
              aria-label={t('reader.fitWidth')}
              aria-pressed={zoom === 'fit'}
              onClick={() => setZoom('fit')}
              data-testid="reader-fit-width"
            >
              <IconArrowAutofitWidth size={20} />
            </ActionIcon>
          </Tooltip>
        </Group>
        {canSearch ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const query = new FormData(e.currentTarget).get('q')?.toString() ?? '';
              if (query.trim()) void runSearch(query);
            }}
            role="search"
          >
            <TextInput
              name="q"
              size="sm"
              w={{ base: 150, sm: 200 }}
              placeholder={t('reader.searchPlaceholder')}
              aria-label={t('reader.search')}
              leftSection={<IconSearch size={16} />}
              data-testid="reader-search"
            />
          </form>
        ) : (
          <Text size="xs" c="gray.8">
            {t('reader.confidentialNoSearch')}
          </Text>
        )}
        <Box style={{ flex: 1 }} />
        {toolbar}
      </div>
      <div className={classes.body} style={{ position: 'relative' }}>
        {thumbsOpen && source.kind === 'pdf' && (
          <Thumbnails
            source={source}
            pageCount={pageCount}
            ratio={base.ratio}
            ratios={ratios}
            current={current}
            onPick={scrollTo}
          />
        )}
        <div
          ref={setScroller}
          className={classes.scroller}
          data-testid="reader-scroller"
          tabIndex={0}
          aria-label={t('reader.pagesOf', { title: document.title })}
        >
          <div className={classes.pages}>
            {Array.from({ length: pageCount }, (_, i) => i + 1).map((page) => (
              <LazyPage
                key={page}
                pageRef={observe(page)}
                source={source}
                page={page}
                width={pageWidth}
                ratio={ratios.get(page) ?? base.ratio}
                near={near.has(page)}
                label={t('reader.page', { page })}
                onSize={onSize}
              >
                {near.has(page)
                  ? pageOverlay?.(page, pageWidth, Math.round(pageWidth * (ratios.get(page) ?? base.ratio)))
                  : null}
              </LazyPage>
            ))}
          </div>
        </div>
        {search && (
          <div
            className={classes.searchPanel}
            data-testid="reader-search-results"
            data-query={search.hits === null ? undefined : search.query}
            aria-live="polite"
          >
            <Group justify="space-between" mb="xs" wrap="nowrap">
              <Text size="sm" fw={600}>
                {search.hits === null
                  ? t('reader.searching')
                  : t('reader.hits', { count: search.hits.length, query: search.query })}
              </Text>
              <ActionIcon
                variant="subtle"
                aria-label={t('reader.closeSearch')}
                onClick={() => setSearch(null)}
              >
                <IconX size={16} />
              </ActionIcon>
            </Group>
            {search.hits?.map((hit, i) => (
              <UnstyledButton
                key={i}
                className={classes.hit}
                onClick={() => scrollTo(hit.page)}
                data-testid="reader-search-hit"
                data-page={hit.page}
              >
                <Text size="xs" fw={700} c="blue.9">
                  {t('reader.page', { page: hit.page })}
                </Text>
                <Text size="sm">{hit.excerpt}</Text>
              </UnstyledButton>
            ))}
          </div>
        )}
        {aside?.(current)}
      </div>
    </div>
  );
}

function Thumbnails({
  source,
  pageCount,
  ratio,
  ratios,
  current,
  onPick,
}: {
  source: PageSource;
  pageCount: number;
  ratio: number;
  ratios: ReadonlyMap<number, number>;
  current: number;
  onPick: (page: number) => void;
}) {
  const { t } = useTranslation();
  const [root, setRoot] = useState<HTMLElement | null>(null);
  const { near, observe } = useNearPages(root, '100% 0px');
  return (
    <nav
      ref={setRoot}
      className={classes.thumbnails}
      aria-label={t('reader.thumbnails')}
      data-testid="reader-thumbnails"
    >
      {Array.from({ length: pageCount }, (_, i) => i + 1).map((page) => (
        <button
          key={page}
          type="button"
          className={classes.thumbnail}
          data-current={page === current}
          aria-current={page === current ? 'page' : undefined}
          onClick={() => onPick(page)}
        >
          <LazyPage
            pageRef={observe(page)}
            source={source}
            page={page}
            width={THUMB_WIDTH}
            ratio={ratios.get(page) ?? ratio}
            near={near.has(page)}
            label={t('reader.page', { page })}
          />
          <Text size="xs" mt={2}>
            {page}
          </Text>
        </button>
      ))}
    </nav>
  );
}
