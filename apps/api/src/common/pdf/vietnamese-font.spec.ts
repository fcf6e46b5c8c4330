import { PDFDocument } from 'pdf-lib';
import { embedVietnameseFonts } from './vietnamese-font';

describe('embedVietnameseFonts', () => {
  it('draws Vietnamese text with its diacritics and subsets the font', async () => {
    const doc = await PDFDocument.create();
    const { regular, bold } = await embedVietnameseFonts(doc);
    const page = doc.addPage();
    const text = 'Nghị quyết về việc phê duyệt dự toán — Đặng Thị Hường, Ủy ban nhân dân phường';
    page.drawText(text, { x: 40, y: 700, size: 12, font: regular });
    page.drawText('BIÊN BẢN KIỂM PHIẾU', { x: 40, y: 740, size: 14, font: bold });
    expect(regular.widthOfTextAtSize(text, 12)).toBeGreaterThan(100);
    const bytes = await doc.save();
    // Subset: far smaller than the two 500 KB font files.
    expect(bytes.length).toBeLessThan(150_000);
    const reloaded = await PDFDocument.load(bytes);
    expect(reloaded.getPageCount()).toBe(1);
  });
});
