/**
 * Search that ignores Vietnamese diacritics and case, so "nguyen van" finds "Nguyễn Văn" on a
 * tablet keyboard without Telex. The column side is folded in SQL with `translate()` (no `unaccent`
 * extension needed), the query side here; both use the same letter table.
 */

const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323']; // none, huyền, sắc, ngã, hỏi, nặng
const VOWELS: Record<string, string> = {
  a: 'a',
  ă: 'a',
  â: 'a',
  e: 'e',
  ê: 'e',
  i: 'i',
  o: 'o',
  ô: 'o',
  ơ: 'o',
  u: 'u',
  ư: 'u',
  y: 'y',
};

function buildFoldTable(): { from: string; to: string } {
  let from = 'đĐ';
  let to = 'dd';
  for (const [vowel, base] of Object.entries(VOWELS)) {
    for (const tone of TONES) {
      for (const letter of [vowel, vowel.toUpperCase()]) {
        const composed = (letter + tone).normalize('NFC');
        if (composed === base || composed === base.toUpperCase()) continue; // plain ASCII: lower() does it
        from += composed;
        to += base;
      }
    }
  }
  return { from, to };
}

/** `translate(column, FOLD_FROM, FOLD_TO)` maps every precomposed Vietnamese letter to its ASCII base. */
export const { from: FOLD_FROM, to: FOLD_TO } = buildFoldTable();

/** Lower-case ASCII form of a search text: "Nguyễn Đức" → "nguyen duc". */
export function foldSearchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .trim();
}

/** A LIKE pattern matching the folded text anywhere, with LIKE's wildcards escaped. */
export function containsPattern(folded: string): string {
  return `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** SQL that folds a column the same way `foldSearchText` folds the query (params :foldFrom, :foldTo). */
export function foldedColumn(column: string): string {
  return `lower(translate(${column}, :foldFrom, :foldTo))`;
}
