import {
  ParseSpeeds,
  PDFDocument,
  PDFName,
  PDFOperator,
  PDFRef,
  StandardFonts,
  beginText,
  concatTransformationMatrix,
  drawObject,
  endText,
  popGraphicsState,
  pushGraphicsState,
  setFillingGrayscaleColor,
  setFontAndSize,
  setGraphicsState,
  setTextMatrix,
  showText,
} from 'pdf-lib';
import { formatCopyCode } from './copy-code';
import { markFontName, markOperators, TEXT_MARK_PREFIX } from './marks';
import { CopiedFace, copyWatermarkFonts, watermarkFontTemplate } from './watermark-fonts';

interface Faces {
  bold: CopiedFace;
}

/** Who the copy is for and what it is of: everything printed on its pages. */
export interface CopyStamp {
  /** Bare copy code (`KAMX4PWC`). */
  code: string;
  readerName: string;
  /** The reader's unit (đơn vị); omitted from the text when unknown. */
  readerUnit: string | null;
  meetingTitle: string;
  /** When the copy was issued; printed in Vietnam time. */
  issuedAt: string;
}

const WATERMARK_NAME = PDFName.of('PhWm');
const FAINT = 'PhG1';
const STRONG = 'PhG2';
const BOLD = 'PhF1';

/** `29/11/2026 18:45` in Vietnam time (UTC+7, no daylight saving). */
export function formatIssuedAt(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

/** The watermark's lines, shared by the PDF stamp and the docs. */
export function watermarkLines(stamp: CopyStamp): { diagonal: string[]; footer: string; corner: string } {
  const code = formatCopyCode(stamp.code);
  const who = stamp.readerUnit ? `${stamp.readerName} · ${stamp.readerUnit}` : stamp.readerName;
  return {
    diagonal: [stamp.readerName, `${stamp.readerUnit ?? ''} ${code}`.trim()],
    footer:
      `Bản sao cấp cho ${who} · ${formatIssuedAt(stamp.issuedAt)} (giờ Việt Nam) · ` +
      `Cuộc họp: ${stamp.meetingTitle} · Mã bản sao: ${code}`,
    corner: `Mã bản sao ${code}`,
  };
}

function text(font: CopiedFace, fontName: string, size: number, matrix: number[], s: string): PDFOperator[] {
  const [a, b, c, d, e, f] = matrix;
  return [
    beginText(),
    setFontAndSize(fontName, size),
    setTextMatrix(a, b, c, d, e, f),
    showText(font.encode(s)),
    endText(),
  ];
}

/** Shrinks a line until it fits `maxWidth`, never below `minSize` (then it may run off the page). */
function fitSize(font: CopiedFace, s: string, size: number, maxWidth: number, minSize: number): number {
  const width = font.widthAt(s, size);
  return width <= maxWidth ? size : Math.max(minSize, (size * maxWidth) / width);
}

/**
 * The visible watermark for a page shown `w` × `h` points upright: the reader's name, unit and
 * copy code large and faint across the diagonal; a footer line with name, unit, time, meeting and
 * code; the code again, bold, in the top right corner where a photo of the page keeps it readable.
 */
function watermarkOperators(fonts: Faces, stamp: CopyStamp, w: number, h: number): PDFOperator[] {
  const lines = watermarkLines(stamp);
  const ops: PDFOperator[] = [pushGraphicsState(), setGraphicsState(FAINT), setFillingGrayscaleColor(0.35)];
  const angle = Math.atan2(h, w);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const diagonal = Math.hypot(w, h);
  const size = Math.min(
    ...lines.diagonal.map((l) => fitSize(fonts.bold, l, Math.min(w, h) / 12, diagonal * 0.7, 6)),
  );
  lines.diagonal.forEach((line, i) => {
    const tw = fonts.bold.widthAt(line, size);
    // Centre of the line i, offset across the diagonal so the two lines stack.
    const offset = (i - (lines.diagonal.length - 1) / 2) * size * 1.3;
    const cx = w / 2 + sin * offset;
    const cy = h / 2 - cos * offset;
    const e = cx - (cos * tw) / 2 + (sin * size) / 3;
    const f = cy - (sin * tw) / 2 - (cos * size) / 3;
    ops.push(...text(fonts.bold, BOLD, size, [cos, sin, -sin, cos, e, f], line));
  });
  ops.push(popGraphicsState(), pushGraphicsState(), setGraphicsState(STRONG), setFillingGrayscaleColor(0.2));
  const margin = Math.min(18, w / 30);
  const footerSize = fitSize(fonts.bold, lines.footer, 6.5, w - 2 * margin, 3.5);
  ops.push(...text(fonts.bold, BOLD, footerSize, [1, 0, 0, 1, margin, margin * 0.6], lines.footer));
  const cornerSize = fitSize(fonts.bold, lines.corner, 11, w / 2, 6);
  const cornerWidth = fonts.bold.widthAt(lines.corner, cornerSize);
  ops.push(
    ...text(
      fonts.bold,
      BOLD,
      cornerSize,
      [1, 0, 0, 1, w - margin - cornerWidth, h - margin - cornerSize],
      lines.corner,
    ),
    popGraphicsState(),
  );
  return ops;
}

/**
 * The matrix that maps the upright view of a page (what a reader sees, `w` × `h`) onto the page's
 * user space, for each `/Rotate`: a rotated page still gets its watermark upright.
 */
function uprightMatrix(rotation: number, x0: number, y0: number, cw: number, ch: number): number[] {
  switch (((rotation % 360) + 360) % 360) {
    case 90:
      return [0, 1, -1, 0, x0 + cw, y0];
    case 180:
      return [-1, 0, 0, -1, x0 + cw, y0 + ch];
    case 270:
      return [0, -1, 1, 0, x0, y0 + ch];
    default:
      return [1, 0, 0, 1, x0, y0];
  }
}

/** The document to stamp: the whole file, or a new one holding only page `page` (1-based). */
async function openForStamping(pdf: Uint8Array, page?: number): Promise<PDFDocument> {
  const source = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  if (page === undefined) return source;
  if (page < 1 || page > source.getPageCount()) throw new RangeError(`no page ${page}`);
  const single = await PDFDocument.create({ updateMetadata: false });
  const [copied] = await single.copyPages(source, [page - 1]);
  single.addPage(copied);
  return single;
}

/**
 * Stamps a copy of `pdf` for one reader (with `page`: a one-page PDF of that page, which the
 * confidential route renders to an image): the visible watermark on every page (one form XObject
 * per page size, drawn by each page) and the invisible marks in every page's own content. The
 * original content is wrapped in `q … Q` first, so whatever state it leaves behind cannot move or
 * hide the watermark. Pure: bytes in, bytes out, the same for the same input.
 */
export async function stampPdf(
  pdf: Uint8Array,
  stamp: CopyStamp,
  options: { page?: number } = {},
): Promise<Uint8Array> {
  const doc = await openForStamping(pdf, options.page);
  const context = doc.context;
  const fonts = copyWatermarkFonts(await watermarkFontTemplate(), doc);
  const markFont = await doc.embedFont(StandardFonts.Helvetica);
  const faint = context.register(context.obj({ Type: 'ExtGState', ca: 0.18, CA: 0.18 }));
  const strong = context.register(context.obj({ Type: 'ExtGState', ca: 0.9, CA: 0.9 }));
  const open = context.register(context.contentStream([pushGraphicsState()]));
  const close = context.register(context.contentStream([popGraphicsState()]));

  const watermarks = new Map<string, PDFRef>();
  const watermarkFor = (w: number, h: number): PDFRef => {
    const key = `${w.toFixed(1)}x${h.toFixed(1)}`;
    let ref = watermarks.get(key);
    if (!ref) {
      const form = context.formXObject(watermarkOperators(fonts, stamp, w, h), {
        BBox: [0, 0, w, h],
        Resources: {
          Font: { [BOLD]: fonts.bold.ref },
          ExtGState: { [FAINT]: faint, [STRONG]: strong },
        },
      });
      ref = context.register(form);
      watermarks.set(key, ref);
    }
    return ref;
  };

  // Pages of one size and rotation share one stamp stream: the same bytes, written once.
  const stamps = new Map<string, PDFRef>();
  for (const page of doc.getPages()) {
    const box = page.getCropBox();
    const rotation = page.getRotation().angle;
    const sideways = Math.abs(rotation % 180) === 90;
    const w = sideways ? box.height : box.width;
    const h = sideways ? box.width : box.height;
    const key = `${rotation}:${box.x}:${box.y}:${box.width}:${box.height}`;
    let stampRef = stamps.get(key);
    if (!stampRef) {
      const [a, b, c, d, e, f] = uprightMatrix(rotation, box.x, box.y, box.width, box.height);
      const ops = [
        pushGraphicsState(),
        concatTransformationMatrix(a, b, c, d, e, f),
        drawObject(WATERMARK_NAME),
        popGraphicsState(),
        ...markOperators(stamp.code, box.x, box.y),
      ];
      stampRef = context.register(context.contentStream(ops));
      stamps.set(key, stampRef);
    }
    page.node.setXObject(WATERMARK_NAME, watermarkFor(w, h));
    page.node.setFontDictionary(markFontName, markFont.ref);
    page.node.wrapContentStreams(open, close);
    page.node.addContentStream(stampRef);
  }

  doc.setKeywords([`${TEXT_MARK_PREFIX}${stamp.code}`]);
  doc.setSubject(`Bản sao ${formatCopyCode(stamp.code)} cấp cho ${stamp.readerName}`);
  doc.setModificationDate(new Date(stamp.issuedAt));
  // Stamping runs in a worker thread: yielding to its event loop every few objects (pdf-lib's
  // default, for the main thread) would only add timer delays.
  return doc.save({ objectsPerTick: Infinity });
}
