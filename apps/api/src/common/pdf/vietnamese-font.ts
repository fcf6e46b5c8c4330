import fs from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

/**
 * Noto Sans (SIL OFL 1.1, apps/api/assets/fonts) has every Vietnamese letter with its stacked
 * diacritics (ệ, ữ, Ặ …); pdf-lib's standard fonts only know WinAnsi and would throw on them.
 * The files ship in the repo, so nothing is downloaded at run time.
 */
export const FONTS_DIR = path.resolve(__dirname, '../../../assets/fonts');

const cache = new Map<string, Buffer>();

function fontBytes(file: string): Buffer {
  let bytes = cache.get(file);
  if (!bytes) {
    bytes = fs.readFileSync(path.join(FONTS_DIR, file));
    cache.set(file, bytes);
  }
  return bytes;
}

export interface VietnameseFonts {
  regular: PDFFont;
  bold: PDFFont;
}

/**
 * Embeds the regular and bold faces in `doc`, subset to the glyphs actually drawn (a results page
 * or a watermark then adds a few kilobytes, not the whole 500 KB font).
 */
export async function embedVietnameseFonts(doc: PDFDocument): Promise<VietnameseFonts> {
  doc.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([
    doc.embedFont(fontBytes('NotoSans-Regular.ttf'), { subset: true }),
    doc.embedFont(fontBytes('NotoSans-Bold.ttf'), { subset: true }),
  ]);
  return { regular, bold };
}
