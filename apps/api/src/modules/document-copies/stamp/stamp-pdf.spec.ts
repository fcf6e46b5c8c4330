import { PDFDocument } from 'pdf-lib';
import { COPY_CODE_ALPHABET, formatCopyCode, newCopyCode, parseCopyCode } from './copy-code';
import { readMarks } from './marks';
import { pdfText, pdftocairo, qpdf, stripMetadata } from './rewrite-tools';
import { samplePdf } from './sample-pdf';
import { CopyStamp, stampPdf } from './stamp-pdf';

jest.setTimeout(60_000);

const stamp = (code: string): CopyStamp => ({
  code,
  readerName: 'Nguyễn Thị Hồng Nhung',
  readerUnit: 'Chi bộ Khai Quang',
  meetingTitle: 'Họp Đảng ủy phường Vĩnh Phúc tháng 11',
  issuedAt: '2026-11-29T11:45:00.000Z',
});

/** Every page carries the code in both invisible marks. */
async function expectMarks(pdf: Uint8Array, code: string, pages: number): Promise<void> {
  const marks = await readMarks(pdf);
  const all = Array.from({ length: pages }, (_, i) => i + 1);
  expect([...marks.textMark.entries()]).toEqual([[code, all]]);
  expect([...marks.geometryMark.entries()]).toEqual([[code, all]]);
}

describe('copy codes', () => {
  it('are eight symbols of the look-alike-free alphabet with a check symbol', () => {
    for (let i = 0; i < 200; i++) {
      const code = newCopyCode();
      expect(code).toMatch(new RegExp(`^[${COPY_CODE_ALPHABET}]{8}$`));
      expect(parseCopyCode(formatCopyCode(code).toLowerCase())).toBe(code);
    }
    expect(COPY_CODE_ALPHABET).not.toMatch(/[0O1IL2Z5S8B6GUV]/);
  });

  it('refuses any single misread symbol and anything outside the alphabet', () => {
    const code = newCopyCode();
    for (let i = 0; i < code.length; i++) {
      for (const ch of COPY_CODE_ALPHABET) {
        if (ch === code[i]) continue;
        expect(parseCopyCode(code.slice(0, i) + ch + code.slice(i + 1))).toBeNull();
      }
    }
    expect(parseCopyCode('0000-0000')).toBeNull();
    expect(parseCopyCode(code.slice(1))).toBeNull();
  });
});

describe('stampPdf', () => {
  let original: Uint8Array;
  let stamped: Uint8Array;
  const code = newCopyCode();

  beforeAll(async () => {
    original = await samplePdf(3, { rotateEvery: 2 });
    stamped = await stampPdf(original, stamp(code));
  });

  it('prints the reader, unit, time, meeting and code on every page, with Vietnamese diacritics', async () => {
    for (const page of [1, 2, 3]) {
      const text = (await pdfText(stamped, page)).normalize('NFC');
      expect(text).toContain(
        `Bản sao cấp cho Nguyễn Thị Hồng Nhung · Chi bộ Khai Quang · 29/11/2026 18:45 (giờ Việt Nam) · ` +
          `Cuộc họp: Họp Đảng ủy phường Vĩnh Phúc tháng 11 · Mã bản sao: ${formatCopyCode(code)}`,
      );
      expect(text).toContain(`Mã bản sao ${formatCopyCode(code)}`);
      expect(text).toContain(`Page ${page} - Draft resolution`);
    }
  });

  it('keeps the pages, their size and rotation', async () => {
    const doc = await PDFDocument.load(stamped);
    expect(doc.getPageCount()).toBe(3);
    expect(doc.getPage(1).getRotation().angle).toBe(90);
    expect(doc.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
  });

  it('writes both invisible marks on every page, and the code in the metadata', async () => {
    await expectMarks(stamped, code, 3);
    expect((await readMarks(stamped)).metadata).toBe(code);
    const plain = await readMarks(original);
    expect(plain.textMark.size + plain.geometryMark.size).toBe(0);
  });

  it('gives two readers copies with different marks', async () => {
    const other = newCopyCode();
    await expectMarks(await stampPdf(original, { ...stamp(other), readerName: 'Trần Văn Đức' }), other, 3);
  });

  it.each([
    ['qpdf --linearize', ['--linearize'], false],
    ['qpdf --object-streams=generate', ['--object-streams=generate'], false],
    ['qpdf --qdf (streams uncompressed)', ['--qdf', '--object-streams=disable'], false],
    [
      'qpdf --coalesce-contents --recompress-flate --normalize-content=y',
      ['--coalesce-contents', '--recompress-flate', '--normalize-content=y'],
      false,
    ],
    ['qpdf --empty --pages (a new file, no metadata at all)', [], true],
  ])('marks survive %s after the metadata is stripped', async (_name, args, pages) => {
    const rewritten = await qpdf(await stripMetadata(stamped), args, pages);
    const marks = await readMarks(rewritten);
    expect(marks.metadata).toBeNull();
    await expectMarks(rewritten, code, 3);
  });

  it('marks survive pdf-lib load and save, and a single page taken out', async () => {
    await expectMarks(await (await PDFDocument.load(stamped)).save({ useObjectStreams: false }), code, 3);
    const one = await PDFDocument.create();
    const src = await PDFDocument.load(stamped);
    const [page] = await one.copyPages(src, [2]);
    one.addPage(page);
    await expectMarks(await one.save(), code, 1);
  });

  it('keeps the text mark and the printed code in the text after a renderer re-distils the file (pdftocairo -pdf)', async () => {
    const redistilled = await pdftocairo(await stripMetadata(stamped));
    const marks = await readMarks(redistilled);
    // The content streams were rewritten: the geometry mark is gone ...
    expect(marks.geometryMark.size).toBe(0);
    // ... but mark A and the watermark are still text (what the leak trace reads with pdftotext).
    const text = (await pdfText(redistilled, 2)).normalize('NFC');
    expect(text).toContain(`PHX-${code}`);
    expect(text).toContain(`Mã bản sao: ${formatCopyCode(code)}`);
  });

  it('writes a character the font template lacks as "?" instead of failing', async () => {
    const odd = await stampPdf(original, { ...stamp(code), readerName: 'Ngô ☃ Quyền' });
    expect((await pdfText(odd, 1)).normalize('NFC')).toContain('Ngô ? Quyền');
  });
});
