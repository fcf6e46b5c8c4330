/**
 * HTTP byte ranges (RFC 9110 §14) for the reader's copy: one range per request is all pdf.js asks
 * for. Several ranges in one header are answered with the whole file (allowed by the RFC), a
 * header that is not a byte range at all is ignored the same way.
 *
 * Not the `range-parser` package express uses: its 1.3 refuses `bytes=-N` with N beyond the size
 * (RFC 9110: the whole file) and refuses a reversed range (RFC: ignore the header), which pdf.js
 * and browsers would then see as 416 errors.
 */
export type RangeAnswer =
  { kind: 'whole' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

/** The answer to `Range: <header>` on a file of `size` bytes (`end` inclusive). */
export function parseByteRange(header: string | undefined, size: number): RangeAnswer {
  if (!header) return { kind: 'whole' };
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!m || (m[1] === '' && m[2] === '')) return { kind: 'whole' };
  if (m[1] === '') {
    // `bytes=-N`: the last N bytes.
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (!Number.isSafeInteger(start) || start >= size) return { kind: 'unsatisfiable' };
  if (end < start) return { kind: 'whole' }; // an invalid range-spec: the header is ignored
  return { kind: 'partial', start, end };
}
