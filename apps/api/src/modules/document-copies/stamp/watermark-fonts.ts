import { PDFDocument, PDFFont, PDFHexString, PDFObjectCopier, PDFRef } from 'pdf-lib';
import { embedVietnameseFonts } from '../../../common/pdf/vietnamese-font';

/**
 * Why a font template: embedding Noto Sans with fontkit (layout, subsetting, widths, ToUnicode)
 * costs more than loading and saving a 100-page PDF, and it would be paid for every reader's copy.
 * So each thread embeds the two faces once, into a template document, subset to every letter a
 * Vietnamese watermark needs (ASCII, Latin-1, Latin Extended-A, all Vietnamese letters with their
 * tones, a few punctuation marks). A copy then only copies the finished font objects (their
 * streams already compressed) and writes glyph codes from a table. A character outside that set
 * is written as `?` — documented in docs/documents-copies.md.
 */
function range(from: number, to: number): string {
  let s = '';
  for (let c = from; c <= to; c++) s += String.fromCodePoint(c);
  return s;
}

export const WATERMARK_CHARSET =
  range(0x20, 0x7e) + range(0xa0, 0xff) + range(0x100, 0x17f) + 'ƠơƯư' + range(0x1ea0, 0x1ef9) + '–—‘’“”…·•';

export interface TemplateFace {
  /** The font dictionary in the template document. */
  ref: PDFRef;
  /** Character → the hex glyph codes that draw it. */
  codes: Map<string, string>;
  /** Character → advance width at size 1. */
  widths: Map<string, number>;
}

export interface WatermarkFontTemplate {
  doc: PDFDocument;
  bold: TemplateFace;
  regular: TemplateFace;
}

function face(font: PDFFont): TemplateFace {
  const codes = new Map<string, string>();
  const widths = new Map<string, number>();
  for (const ch of WATERMARK_CHARSET) {
    codes.set(ch, font.encodeText(ch).asString());
    widths.set(ch, font.widthOfTextAtSize(ch, 1));
  }
  return { ref: font.ref, codes, widths };
}

let template: Promise<WatermarkFontTemplate> | undefined;

/** The thread's font template, built on first use. */
export function watermarkFontTemplate(): Promise<WatermarkFontTemplate> {
  template ??= (async () => {
    const doc = await PDFDocument.create();
    const fonts = await embedVietnameseFonts(doc);
    const result = { doc, bold: face(fonts.bold), regular: face(fonts.regular) };
    await doc.flush();
    return result;
  })();
  return template;
}

/** A face copied into one copy's document: what the watermark needs to write text with it. */
export class CopiedFace {
  constructor(
    readonly ref: PDFRef,
    private readonly face: TemplateFace,
  ) {}

  private chars(text: string): string[] {
    return [...text.normalize('NFC')].map((ch) => (this.face.codes.has(ch) ? ch : '?'));
  }

  encode(text: string): PDFHexString {
    return PDFHexString.of(
      this.chars(text)
        .map((ch) => this.face.codes.get(ch) ?? '')
        .join(''),
    );
  }

  widthAt(text: string, size: number): number {
    return this.chars(text).reduce((sum, ch) => sum + (this.face.widths.get(ch) ?? 0), 0) * size;
  }
}

/**
 * Copies the template's bold face into `doc` (the watermark writes everything in it: one face
 * copied per copy instead of two is less to copy and to write).
 */
export function copyWatermarkFonts(from: WatermarkFontTemplate, doc: PDFDocument): { bold: CopiedFace } {
  const copier = PDFObjectCopier.for(from.doc.context, doc.context);
  const copy = (f: TemplateFace) =>
    new CopiedFace(doc.context.register(copier.copy(from.doc.context.lookup(f.ref)!)), f);
  return { bold: copy(from.bold) };
}
