import { PDFDocument, StandardFonts, degrees } from 'pdf-lib';

/**
 * A plain PDF of `pages` A4 pages of body text, for tests and the watermark bench (a document
 * as a ward's office would upload it: text, a few lines each page, the odd landscape page).
 */
export async function samplePdf(pages: number, options: { rotateEvery?: number } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage([595.28, 841.89]);
    if (options.rotateEvery && i % options.rotateEvery === 0) page.setRotation(degrees(90));
    page.drawText(`Page ${i} - Draft resolution of the ward People's Committee`, {
      x: 60,
      y: 780,
      size: 14,
      font,
    });
    for (let line = 0; line < 40; line++) {
      page.drawText(`Line ${line + 1}: the committee reviewed the plan, budget and schedule for item ${i}.`, {
        x: 60,
        y: 740 - line * 17,
        size: 10,
        font,
      });
    }
  }
  return doc.save();
}
