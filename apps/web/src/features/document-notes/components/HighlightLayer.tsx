/**
 * HighlightLayer — draws one page's private highlights over the rendered page.
 *
 * Usage (in the reader, inside the page's positioned box, after the canvas and text layer):
 *   <div style={{ position: 'relative', width, height }}>
 *     <canvas … /> <div className="textLayer" … />
 *     <HighlightLayer meetingId={m} documentId={d} page={3} width={width} height={height} />
 *   </div>
 * `width` and `height` are the page's size in CSS pixels at the current zoom; highlights are stored
 * page-relative (0..1), so they follow any zoom or device. The layer never takes the pointer
 * (`pointer-events: none`), so text selection in the text layer keeps working, and it is drawn
 * with `mix-blend-mode: multiply` so the text stays readable. To make a highlight from a selection
 * use `rectsFromClientRects(range.getClientRects(), pageBox)` and `useDocumentNotes(…).create`.
 */
import type { NoteColor, NoteRect } from '@phonghop/common';
import { useTranslation } from 'react-i18next';
import { useDocumentNotes } from '../hooks/use-document-notes';

export const HIGHLIGHT_FILL: Record<NoteColor, string> = {
  yellow: 'rgba(255, 214, 0, 0.42)',
  green: 'rgba(64, 192, 87, 0.36)',
  blue: 'rgba(34, 139, 230, 0.30)',
  pink: 'rgba(230, 73, 128, 0.30)',
  orange: 'rgba(253, 126, 20, 0.36)',
};

export interface HighlightLayerProps {
  meetingId: string;
  documentId: string;
  /** 1-based page number. */
  page: number;
  /** The page's rendered size in CSS pixels. */
  width: number;
  height: number;
}

export function HighlightLayer({ meetingId, documentId, page, width, height }: HighlightLayerProps) {
  const { t } = useTranslation();
  const { onPage } = useDocumentNotes(meetingId, documentId);
  const highlights = onPage(page).filter((n) => n.kind === 'highlight' && n.color !== null);
  if (highlights.length === 0) return null;
  return (
    <div
      role="img"
      aria-label={t('documentNotes.notes.layerLabel', { page })}
      data-testid={`highlight-layer-${page}`}
      style={{
        position: 'absolute',
        left: 0,
        top: 0,
        width,
        height,
        pointerEvents: 'none',
        mixBlendMode: 'multiply',
      }}
    >
      {highlights.flatMap((h) =>
        h.rects.map((r: NoteRect, i) => (
          <div
            key={`${h.id}-${i}`}
            data-note-id={h.id}
            title={h.body ?? h.quote ?? undefined}
            style={{
              position: 'absolute',
              left: r.x * width,
              top: r.y * height,
              width: r.w * width,
              height: r.h * height,
              background: HIGHLIGHT_FILL[h.color!],
              borderRadius: 2,
            }}
          />
        )),
      )}
    </div>
  );
}
