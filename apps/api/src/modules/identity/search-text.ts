/**
 * Search that ignores case, Vietnamese diacritics and the Unicode normal form, so "thang" finds
 * "Thắng", "Vinh Phuc" finds "Vĩnh Phúc" and text typed in NFD (some Mac and Telex keyboards)
 * finds data stored in NFC. Both sides are folded by one SQL function, `search_fold()` (migration
 * 1795965948068: NFC, then PostgreSQL's `unaccent`, which also maps đ → d, then lower()), so the
 * query and the column can never fold differently.
 */

/** The trimmed query, or null when there is nothing to search for. */
export function searchQuery(q: string | undefined | null): string | null {
  const text = q?.trim();
  return text ? text : null;
}

/** A LIKE pattern matching the text anywhere, with LIKE's wildcards escaped (folding keeps them). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** SQL folding a column, a parameter (`:pattern`, `$3`) or any text expression. */
export function folded(sql: string): string {
  return `search_fold(${sql})`;
}
