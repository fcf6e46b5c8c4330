import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { ReaderProps } from './DocumentReader';

/*
 * The reader and pdf.js (its own chunk, ~700 KB) load only when someone reads, or ahead of it when
 * a list shows a readable document (`prefetchReader`), never with the app's first screen.
 */

type ReaderModule = typeof import('./DocumentReader');
/** The reader's module once loaded: then it renders at once, with no Suspense in between. */
let loaded: ReaderModule | null = null;
let loading: Promise<ReaderModule> | null = null;
const load = (): Promise<ReaderModule> => (loading ??= import('./DocumentReader').then((m) => (loaded = m)));
const Reader = lazy(() => load().then((m) => ({ default: m.DocumentReader })));

export function LazyDocumentReader(props: ReaderProps) {
  // Prefetched (the usual case): no lazy(). React 19 reveals a suspended boundary's content at most
  // every 300 ms once its fallback showed, so a lazy() that suspends even on an already loaded
  // chunk delayed the first page by ~300 ms (docs/benchmarks.md, reader-first-page).
  if (loaded) return <loaded.DocumentReader {...props} />;
  return (
    <Suspense
      fallback={
        <Center h="100%" py="xl">
          <Loader />
        </Center>
      }
    >
      <Reader {...props} />
    </Suspense>
  );
}

/** Loads the reader's code and starts the pdf.js worker in the background. */
export function prefetchReader(): void {
  void load()
    .then(() => import('../lib/pdf'))
    .then((pdf) => pdf.warmUp())
    .catch(() => {
      loading = null; // try again at the next list (a network blip must not disable the reader)
    });
}
