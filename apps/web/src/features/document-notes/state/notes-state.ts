import type { DocumentNote, NoteRect } from '@phonghop/common';

/*
 * Pure helpers of the notes feature (unit-tested in notes-state.spec.ts): keeping the cached list in
 * order when a push arrives, and turning a text selection into page-relative rectangles.
 */

const order = (a: DocumentNote, b: DocumentNote) =>
  a.page - b.page || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** The list with `note` in it (added, or replaced when newer), in page order. */
export function upsertNote(list: readonly DocumentNote[], note: DocumentNote): DocumentNote[] {
  const current = list.find((n) => n.id === note.id);
  // A push that arrives after a newer answer (two devices editing) must not take the note back.
  if (current && current.updatedAt > note.updatedAt) return [...list];
  return [...list.filter((n) => n.id !== note.id), note].sort(order);
}

export function removeNote(list: readonly DocumentNote[], noteId: string): DocumentNote[] {
  return list.filter((n) => n.id !== noteId);
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The rectangles of a selection (`range.getClientRects()`), relative to the page's box, in 0..1 and
 * clipped to the page. Slivers (< 1 px) are dropped, and so are duplicates (browsers report a line
 * twice: once for the text and once for its element). Works at any zoom: the page box and the
 * selection are measured in the same pixels.
 */
export function rectsFromClientRects(rects: Iterable<Box>, page: Box): NoteRect[] {
  const out: NoteRect[] = [];
  const seen = new Set<string>();
  for (const r of rects) {
    const left = Math.max(r.left, page.left);
    const top = Math.max(r.top, page.top);
    const right = Math.min(r.left + r.width, page.left + page.width);
    const bottom = Math.min(r.top + r.height, page.top + page.height);
    if (right - left < 1 || bottom - top < 1) continue;
    const rect = {
      x: round((left - page.left) / page.width),
      y: round((top - page.top) / page.height),
      w: round((right - left) / page.width),
      h: round((bottom - top) / page.height),
    };
    const key = `${rect.x}:${rect.y}:${rect.w}:${rect.h}`;
    if (seen.has(key) || rect.w <= 0 || rect.h <= 0) continue;
    seen.add(key);
    out.push({ ...rect, w: Math.min(rect.w, 1 - rect.x), h: Math.min(rect.h, 1 - rect.y) });
  }
  return out;
}

/** Four decimals: a tenth of a pixel on a 1,000-pixel page, and short JSON. */
const round = (v: number) => Math.round(v * 10_000) / 10_000;
