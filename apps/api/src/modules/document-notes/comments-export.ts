import type { DocumentComment } from '@phonghop/common';
import { formatVietnamDateTime } from '@phonghop/common';
import { PDFDocument, PDFFont, PDFPage, rgb } from 'pdf-lib';
import { embedVietnameseFonts } from '../../common/pdf/vietnamese-font';

export interface CommentsExportInput {
  meetingTitle: string;
  documentTitle: string;
  deadline: Date | null;
  at: Date;
  comments: DocumentComment[];
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const WIDTH = A4.width - 2 * MARGIN;

/**
 * "Tổng hợp ý kiến góp ý": every comment on one document (withdrawn ones left out, and counted),
 * in the order made, as a PDF drawn with pdf-lib in Noto Sans — Vietnamese diacritics are real text
 * (a reader can search and copy them; pdftotext reads them back).
 */
export async function renderCommentsPdf(input: CommentsExportInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Tổng hợp ý kiến góp ý: ${input.documentTitle}`);
  doc.setCreator('Phòng họp thông minh');
  const fonts = await embedVietnameseFonts(doc);
  const w = new Writer(doc);
  const active = input.comments.filter((c) => c.withdrawnAt === null);
  const withdrawn = input.comments.length - active.length;

  w.centered('TỔNG HỢP Ý KIẾN GÓP Ý', fonts.bold, 15);
  w.gap(8);
  w.paragraph(`Tài liệu: ${input.documentTitle}`, fonts.bold, 11);
  w.paragraph(`Cuộc họp: ${input.meetingTitle}`, fonts.regular, 11);
  w.paragraph(
    `Hạn góp ý: ${input.deadline ? formatVietnamDateTime(input.deadline) : 'không đặt hạn'}`,
    fonts.regular,
    11,
  );
  w.paragraph(`Lập lúc: ${formatVietnamDateTime(input.at)}`, fonts.regular, 11);
  w.paragraph(
    `Số ý kiến: ${active.length}${withdrawn > 0 ? ` (không tính ${withdrawn} ý kiến đã rút)` : ''}`,
    fonts.regular,
    11,
  );
  w.gap(10);
  if (active.length === 0) w.paragraph('Chưa có ý kiến góp ý nào.', fonts.regular, 11);
  active.forEach((c, i) => {
    const where = c.page === null ? 'Toàn văn' : `Trang ${c.page}`;
    w.paragraph(
      `${i + 1}. ${c.authorName} — ${where} — ${formatVietnamDateTime(new Date(c.createdAt))}`,
      fonts.bold,
      11,
    );
    for (const line of c.body.split('\n')) w.paragraph(line, fonts.regular, 11, 14);
    w.gap(8);
  });
  return doc.save();
}

/** Lays text out top to bottom, wrapping words and starting new pages. */
class Writer {
  private page: PDFPage;
  private y = A4.height - MARGIN;

  constructor(private readonly doc: PDFDocument) {
    this.page = doc.addPage([A4.width, A4.height]);
  }

  gap(points: number): void {
    this.y -= points;
  }

  centered(text: string, font: PDFFont, size: number): void {
    this.room(size * 1.4);
    const width = font.widthOfTextAtSize(text, size);
    this.page.drawText(text, {
      x: (A4.width - width) / 2,
      y: this.y - size,
      size,
      font,
      color: rgb(0, 0, 0),
    });
    this.y -= size * 1.4;
  }

  paragraph(text: string, font: PDFFont, size: number, indent = 0): void {
    const lines = wrap(text, font, size, WIDTH - indent);
    for (const line of lines) {
      this.room(size * 1.4);
      this.page.drawText(line, { x: MARGIN + indent, y: this.y - size, size, font, color: rgb(0, 0, 0) });
      this.y -= size * 1.4;
    }
  }

  private room(height: number): void {
    if (this.y - height >= MARGIN) return;
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN;
  }
}

/** Greedy word wrap; a word wider than the line is cut where it must be. An empty line stays one line. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    let rest = word;
    while (!fits(rest)) {
      let cut = rest.length - 1;
      while (cut > 1 && !fits(rest.slice(0, cut))) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  lines.push(line);
  return lines;
}
