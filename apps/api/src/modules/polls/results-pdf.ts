import type { Poll } from '@phonghop/common';
import { ruleFraction } from '@phonghop/common';
import { PDFDocument, PDFFont, PDFPage, rgb } from 'pdf-lib';
import { embedVietnameseFonts } from '../../common/pdf/vietnamese-font';

export interface ResultsPdfInput {
  poll: Poll;
  meetingTitle: string;
  chairNames: string[];
  secretaryNames: string[];
  /** Names of voters (named polls: who voted what) and of candidates who are users. */
  names: Map<string, string>;
  /** When the PDF is made (printed on it). */
  at: Date;
}

const RULE_TEXT: Record<Poll['rule']['kind'], string> = {
  more_than_half_present: 'Quá nửa số đại biểu có mặt',
  more_than_half_members: 'Quá nửa tổng số thành viên',
  two_thirds_members: 'Ít nhất hai phần ba tổng số thành viên',
  custom: 'Tỷ lệ tùy chỉnh',
};

/** Hà Nội time (UTC+7, no daylight saving) as `HH:mm ngày dd/MM/yyyy`. */
export function vietnamTime(d: Date): string {
  const t = new Date(d.getTime() + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(t.getUTCHours())}:${p(t.getUTCMinutes())} ngày ${p(t.getUTCDate())}/${p(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}`;
}

/**
 * The results of a closed poll on A4: meeting and poll, rule and its denominator, counts and
 * percentages per option, passed or not, the time, the chair's and the secretary's names; for a
 * secret poll the list of receipts (so each voter can find theirs on paper), for a named poll who
 * voted what once published. Vietnamese text with Noto Sans (embedVietnameseFonts).
 */
export async function renderResultsPdf(input: ResultsPdfInput): Promise<Uint8Array> {
  const { poll } = input;
  const result = poll.result;
  if (!result) throw new Error('poll has no result');
  const doc = await PDFDocument.create();
  doc.setTitle(`Kết quả biểu quyết: ${poll.title}`);
  const fonts = await embedVietnameseFonts(doc);
  const w = new Writer(doc, fonts.regular, fonts.bold);

  w.line('KẾT QUẢ BIỂU QUYẾT', { bold: true, size: 16, center: true });
  w.line(poll.title, { bold: true, size: 13, center: true });
  w.gap();
  w.line(`Cuộc họp: ${input.meetingTitle}`);
  w.line(`Hình thức: ${poll.secret ? 'Bỏ phiếu kín' : 'Biểu quyết công khai'}`);
  const f = ruleFraction(poll.rule);
  const base = f.base === 'voters' ? 'số đại biểu có quyền biểu quyết có mặt' : 'tổng số thành viên';
  const fraction =
    poll.rule.kind === 'custom'
      ? ` (${f.atLeast ? 'ít nhất' : 'trên'} ${f.numerator}/${f.denominator} ${base})`
      : '';
  w.line(`Điều kiện thông qua: ${RULE_TEXT[poll.rule.kind]}${fraction}`);
  w.line(`Mẫu số: ${result.denominator} (${base}); cần ít nhất ${result.required} phiếu`);
  w.line(
    `Tổng số thành viên: ${result.members}; có quyền biểu quyết: ${result.voters}; đã bỏ phiếu: ${result.cast}; không bỏ phiếu: ${result.notVoted}`,
  );
  if (poll.closedAt) w.line(`Kết thúc biểu quyết lúc ${vietnamTime(new Date(poll.closedAt))}`);
  w.gap();
  for (const o of result.options) {
    const option = poll.options.find((x) => x.id === o.optionId);
    const mark = o.passed
      ? poll.kind === 'election'
        ? ' — trúng cử'
        : ' — đạt'
      : o.tied
        ? ' — bằng phiếu'
        : '';
    w.line(
      `${option?.label ?? o.optionId}: ${o.count} phiếu (${o.percent.toLocaleString('vi-VN')}%)${mark}`,
      {
        bold: o.passed,
      },
    );
  }
  if (result.blank > 0) w.line(`Phiếu không chọn ai/không chọn phương án nào: ${result.blank}`);
  w.gap();
  w.line(`Kết quả: ${result.passed ? 'THÔNG QUA' : 'KHÔNG THÔNG QUA'}`, { bold: true, size: 13 });
  w.gap();
  w.line(`Chủ trì: ${input.chairNames.join(', ') || '—'}`);
  w.line(`Thư ký: ${input.secretaryNames.join(', ') || '—'}`);
  w.line(`Lập lúc ${vietnamTime(input.at)}`, { size: 9 });
  w.line(`Mã kiểm tra các phiếu (SHA-256): ${poll.ballotsHash ?? ''}`, { size: 8 });

  if (poll.secret && poll.receipts) {
    w.gap();
    w.line(`Danh sách mã phiếu (${poll.receipts.length})`, { bold: true });
    for (let i = 0; i < poll.receipts.length; i += 5)
      w.line(poll.receipts.slice(i, i + 5).join('    '), { size: 9 });
  } else if (poll.votes) {
    w.gap();
    w.line('Biểu quyết của từng đại biểu', { bold: true });
    const label = (id: string) => poll.options.find((o) => o.id === id)?.label ?? id;
    for (const v of poll.votes) {
      const who = input.names.get(v.userId) ?? v.userId;
      const proxy =
        v.castById !== v.userId ? ` (ủy quyền cho ${input.names.get(v.castById) ?? v.castById})` : '';
      w.line(`${who}${proxy}: ${v.choices.map(label).join(', ') || '(không chọn)'} — ${v.receipt}`, {
        size: 9,
      });
    }
  } else if (!poll.receipts) {
    w.gap();
    w.line('Danh sách mã phiếu được công bố cùng kết quả.', { size: 9 });
  }
  return doc.save();
}

/** A top-to-bottom text writer that starts a new page when one is full. */
class Writer {
  private page: PDFPage;
  private y = 0;
  private readonly margin = 56;

  constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.page = this.newPage();
  }

  private newPage(): PDFPage {
    const page = this.doc.addPage([595.28, 841.89]);
    this.y = page.getHeight() - this.margin;
    return page;
  }

  gap(): void {
    this.y -= 8;
  }

  line(text: string, opts: { bold?: boolean; size?: number; center?: boolean } = {}): void {
    const size = opts.size ?? 11;
    const font = opts.bold ? this.bold : this.regular;
    const maxWidth = this.page.getWidth() - 2 * this.margin;
    for (const part of wrap(text, font, size, maxWidth)) {
      if (this.y < this.margin + size) this.page = this.newPage();
      const width = font.widthOfTextAtSize(part, size);
      const x = opts.center ? (this.page.getWidth() - width) / 2 : this.margin;
      this.page.drawText(part, { x, y: this.y - size, size, font, color: rgb(0, 0, 0) });
      this.y -= size * 1.45;
    }
  }
}

function wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const next = current ? `${current} ${word}` : word;
    if (current && font.widthOfTextAtSize(next, size) > maxWidth) {
      lines.push(current);
      current = word;
    } else current = next;
  }
  lines.push(current);
  return lines;
}
