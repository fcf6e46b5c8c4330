import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { ReaderProps } from './DocumentReader';

/*
 * The reader and pdf.js (its own chunk, ~700 KB) load only when someone reads, or ahead of it when
 * a list shows a readable document (`prefetchReader`), never with the app's first screen.
 */

const load = () => import('./DocumentReader');
const Reader = lazy(() => load().then((m) => ({ default: m.DocumentReader })));

export function LazyDocumentReader(props: ReaderProps) {
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
    .catch(() => undefined);
}
