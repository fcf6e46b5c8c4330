import {
  PDFArray,
  PDFContentStream,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFOperator,
  PDFRawStream,
  PDFRef,
  PDFStream,
  beginText,
  decodePDFRawStream,
  endText,
  fill,
  moveText,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingGrayscaleColor,
  setFontAndSize,
  showText,
} from 'pdf-lib';
import { COPY_CODE_ALPHABET, codeToNibbles, nibblesToCode, parseCopyCode } from './copy-code';

/**
 * The invisible marks: two independent ways the copy code is written into every page's own
 * content stream, in operators a PDF rewriter (qpdf, pdf-lib, a "remove metadata" tool) copies as
 * they are because they draw (or could draw) something. See docs/documents-copies.md.
 *
 *  A. text mark — white text `PHX-<code>` at 1 pt in a standard font, so the string is plain
 *     ASCII in the stream, and real (if white) text that `pdftotext` reads even after a renderer
 *     re-distilled the file ("print to PDF", pdftocairo), which drops invisible-mode text.
 *  B. geometry mark — nine tiny white filled rectangles in the page corner: a sentinel of size
 *     0.271 × 0.314 pt, then one per code symbol with width 0.200 + nibble/100 and height
 *     0.200 + index/100 (so the order survives a rewriter that reorders nothing but still
 *     holds if one does). White on white, each smaller than a printer dot.
 */
export const TEXT_MARK_PREFIX = 'PHX-';
export const MARK_FONT_NAME = 'PhMk';
const SENTINEL_W = 0.271;
const SENTINEL_H = 0.314;

export function markOperators(code: string, x0: number, y0: number): PDFOperator[] {
  const ops: PDFOperator[] = [
    pushGraphicsState(),
    beginText(),
    setFontAndSize(MARK_FONT_NAME, 1),
    setFillingGrayscaleColor(1),
    moveText(x0 + 2, y0 + 2),
    showText(PDFHexString.of(Buffer.from(`${TEXT_MARK_PREFIX}${code}`, 'latin1').toString('hex'))),
    endText(),
    popGraphicsState(),
    pushGraphicsState(),
    setFillingGrayscaleColor(1),
    rectangle(x0 + 0.4, y0 + 0.4, SENTINEL_W, SENTINEL_H),
  ];
  codeToNibbles(code).forEach((nibble, i) => {
    ops.push(rectangle(x0 + 0.9 + i * 0.5, y0 + 0.4, (200 + nibble * 10) / 1000, (200 + i * 10) / 1000));
  });
  ops.push(fill(), popGraphicsState());
  return ops;
}

/** What the marks of one file say. Codes are bare (`KAMX4PWC`) and checked. */
export interface FoundMarks {
  /** Codes from mark A, with the pages (1-based) they were found on. */
  textMark: Map<string, number[]>;
  /** Codes from mark B. */
  geometryMark: Map<string, number[]>;
  /** The code in the document information dictionary, if any survived. */
  metadata: string | null;
  pageCount: number;
}

function add(map: Map<string, number[]>, code: string, page: number): void {
  const pages = map.get(code) ?? [];
  if (!pages.includes(page)) pages.push(page);
  map.set(code, pages);
}

const CODE_CLASS = `[${COPY_CODE_ALPHABET}]{8}`;
const TEXT_MARK = new RegExp(`${TEXT_MARK_PREFIX}(${CODE_CLASS})`, 'g');
const NUMBER = String.raw`(-?\d*\.?\d+)`;
const RE_OPERATOR = new RegExp(`${NUMBER}\\s+${NUMBER}\\s+${NUMBER}\\s+${NUMBER}\\s+re\\b`, 'g');
const HEX_STRING = /<([0-9A-Fa-f\s]*)>/g;
const LITERAL_STRING = /\(((?:\\.|[^\\()])*)\)/g;

/** The decoded bytes of every content stream of a page, as latin1 text. */
function pageContents(doc: PDFDocument, pageIndex: number): string {
  const node = doc.getPage(pageIndex).node;
  const contents = node.Contents();
  const streams: PDFStream[] = [];
  const take = (obj: unknown): void => {
    const resolved = obj instanceof PDFRef ? doc.context.lookup(obj) : obj;
    if (resolved instanceof PDFStream) streams.push(resolved);
  };
  if (contents instanceof PDFArray) contents.asArray().forEach(take);
  else take(contents);
  return streams
    .map((s) => {
      if (s instanceof PDFRawStream) return Buffer.from(decodePDFRawStream(s).decode()).toString('latin1');
      if (s instanceof PDFContentStream) return Buffer.from(s.getContents()).toString('latin1');
      return '';
    })
    .join('\n');
}

/** Mark A: strings in the content, hex or literal, that carry `PHX-<code>`. */
function textMarks(content: string): string[] {
  const texts: string[] = [];
  for (const m of content.matchAll(HEX_STRING)) {
    const hex = m[1].replace(/\s/g, '');
    texts.push(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex').toString('latin1'));
  }
  for (const m of content.matchAll(LITERAL_STRING)) texts.push(m[1].replace(/\\(.)/g, '$1'));
  const codes: string[] = [];
  for (const text of texts) {
    for (const m of text.matchAll(TEXT_MARK)) {
      const code = parseCopyCode(m[1]);
      if (code) codes.push(code);
    }
  }
  return codes;
}

/** Mark B: after a sentinel rectangle, the eight symbol rectangles, ordered by their height. */
function geometryMarks(content: string): string[] {
  const rects = [...content.matchAll(RE_OPERATOR)].map((m) => ({
    w: Number(m[3]),
    h: Number(m[4]),
  }));
  const codes: string[] = [];
  for (let s = 0; s < rects.length; s++) {
    const r = rects[s];
    if (Math.abs(r.w - SENTINEL_W) > 0.0005 || Math.abs(r.h - SENTINEL_H) > 0.0005) continue;
    const nibbles: number[] = [];
    for (const sym of rects.slice(s + 1, s + 9)) {
      const index = Math.round((sym.h - 0.2) * 100);
      const nibble = Math.round((sym.w - 0.2) * 100);
      if (index < 0 || index > 7 || nibble < 0 || nibble > 15) break;
      nibbles[index] = nibble;
    }
    if (nibbles.filter((n) => n !== undefined).length !== 8) continue;
    const code = parseCopyCode(nibblesToCode(nibbles));
    if (code) codes.push(code);
  }
  return codes;
}

/** Reads every invisible mark of a PDF. Throws if pdf-lib cannot open the file at all. */
export async function readMarks(bytes: Uint8Array): Promise<FoundMarks> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  const found: FoundMarks = {
    textMark: new Map(),
    geometryMark: new Map(),
    metadata: null,
    pageCount: doc.getPageCount(),
  };
  for (let i = 0; i < found.pageCount; i++) {
    let content: string;
    try {
      content = pageContents(doc, i);
    } catch {
      continue; // a page whose stream cannot be decoded: the other pages may still say
    }
    for (const code of textMarks(content)) add(found.textMark, code, i + 1);
    for (const code of geometryMarks(content)) add(found.geometryMark, code, i + 1);
  }
  const keywords = doc.getKeywords() ?? '';
  const meta = new RegExp(`${TEXT_MARK_PREFIX}(${CODE_CLASS})`).exec(keywords);
  found.metadata = meta ? parseCopyCode(meta[1]) : null;
  return found;
}

export const markFontName = PDFName.of(MARK_FONT_NAME);
