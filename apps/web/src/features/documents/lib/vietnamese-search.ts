/*
 * Text search in a document, the way a Vietnamese reader expects it: a query typed without
 * diacritics ("nghi quyet") finds the text with them ("Nghị quyết"), and a query typed with them
 * finds exactly those ("nghị" does not find "nghỉ"). Case never matters; NFC and NFD text are one.
 */

/** Lower case, NFC. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('vi');
}

/** Lower case without diacritics: "Đồng Nai" → "dong nai". One UTF-16 unit per input character of NFC text. */
export function foldVietnamese(text: string): string {
  let out = '';
  for (const ch of normalizeText(text)) {
    const base = ch === 'đ' ? 'd' : ch.normalize('NFD').replace(/\p{M}/gu, '');
    // Keep positions aligned with the NFC text (base letters of Vietnamese are one unit).
    out += base.length === ch.length ? base : ch;
  }
  return out;
}

/** Whether the query carries diacritics (then they must match). */
export function hasDiacritics(query: string): boolean {
  return foldVietnamese(query) !== normalizeText(query);
}

export interface TextMatcher {
  /** Start offsets (in the NFC lower-cased text) of each match. */
  find(text: string): number[];
  readonly length: number;
}

/** A matcher for the query, or null when the query is blank. */
export function textMatcher(query: string): TextMatcher | null {
  const q = normalizeText(query.trim().replace(/\s+/g, ' '));
  if (!q) return null;
  const exact = hasDiacritics(q);
  const needle = exact ? q : foldVietnamese(q);
  return {
    length: needle.length,
    find(text: string) {
      const hay = exact ? normalizeText(text) : foldVietnamese(text);
      const hits: number[] = [];
      for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + needle.length)) hits.push(i);
      return hits;
    },
  };
}

export interface SearchHit {
  page: number;
  /** Text around the match, for the list of results. */
  excerpt: string;
}

/** Every match of the query in pages' text (page numbers 1-based), with an excerpt each. */
export function searchPages(pages: readonly string[], query: string, maxHits = 200): SearchHit[] {
  const matcher = textMatcher(query);
  if (!matcher) return [];
  const hits: SearchHit[] = [];
  pages.forEach((raw, i) => {
    const text = normalizeText(raw).replace(/\s+/g, ' ');
    const original = raw.normalize('NFC').replace(/\s+/g, ' ');
    for (const at of matcher.find(text)) {
      if (hits.length >= maxHits) return;
      const from = Math.max(0, at - 30);
      const to = Math.min(original.length, at + matcher.length + 30);
      hits.push({
        page: i + 1,
        excerpt: `${from > 0 ? '…' : ''}${original.slice(from, to)}${to < original.length ? '…' : ''}`,
      });
    }
  });
  return hits;
}
