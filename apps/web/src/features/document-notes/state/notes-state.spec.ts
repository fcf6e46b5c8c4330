import type { DocumentNote } from '@phonghop/common';
import { rectsFromClientRects, removeNote, upsertNote } from './notes-state';

function note(id: string, page: number, updatedAt = '2026-12-01T01:00:00.000Z'): DocumentNote {
  return {
    id: `00000000-0000-4000-8000-${id.padStart(12, '0')}`,
    documentId: '00000000-0000-4000-8000-00000000dddd',
    page,
    kind: 'note',
    body: `Ghi chú ${id}`,
    rects: [],
    color: null,
    quote: null,
    createdAt: '2026-12-01T01:00:00.000Z',
    updatedAt,
  };
}

describe('the cached list of notes', () => {
  it('keeps page order and replaces a note pushed again', () => {
    let list = upsertNote([], note('2', 5));
    list = upsertNote(list, note('1', 2));
    list = upsertNote(list, { ...note('2', 5, '2026-12-01T02:00:00.000Z'), body: 'Đã sửa' });
    expect(list.map((n) => [n.page, n.body])).toEqual([
      [2, 'Ghi chú 1'],
      [5, 'Đã sửa'],
    ]);
  });

  it('ignores a push older than what it holds', () => {
    const newer = { ...note('1', 1, '2026-12-01T03:00:00.000Z'), body: 'Mới' };
    const list = upsertNote(upsertNote([], newer), note('1', 1, '2026-12-01T02:00:00.000Z'));
    expect(list[0].body).toBe('Mới');
  });

  it('removes by id', () => {
    expect(removeNote([note('1', 1), note('2', 1)], note('1', 1).id).map((n) => n.id)).toEqual([
      note('2', 1).id,
    ]);
  });
});

describe('rectsFromClientRects', () => {
  const page = { left: 100, top: 50, width: 800, height: 1000 };
  it('makes page-relative rectangles, clipped to the page, without slivers or duplicates', () => {
    const rects = rectsFromClientRects(
      [
        { left: 180, top: 150, width: 400, height: 20 },
        { left: 180, top: 150, width: 400, height: 20 },
        { left: 50, top: 1040, width: 200, height: 30 },
        { left: 300, top: 300, width: 0.5, height: 20 },
      ],
      page,
    );
    expect(rects).toEqual([
      { x: 0.1, y: 0.1, w: 0.5, h: 0.02 },
      { x: 0, y: 0.99, w: 0.1875, h: 0.01 },
    ]);
  });
});
