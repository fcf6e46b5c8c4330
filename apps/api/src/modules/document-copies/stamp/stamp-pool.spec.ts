import { newCopyCode } from './copy-code';
import { readMarks } from './marks';
import { samplePdf } from './sample-pdf';
import { StampPool } from './stamp-pool';

jest.setTimeout(60_000);

describe('StampPool', () => {
  const pool = new StampPool(2);
  afterAll(() => pool.close());

  it('stamps copies for several readers in worker threads, each with its own code', async () => {
    const pdf = StampPool.share(await samplePdf(4));
    const codes = Array.from({ length: 6 }, () => newCopyCode());
    const copies = await Promise.all(
      codes.map((code, i) =>
        pool.stamp(pdf, {
          code,
          readerName: `Đại biểu ${i + 1}`,
          readerUnit: 'Phường Vĩnh Phúc',
          meetingTitle: 'Kỳ họp thứ nhất',
          issuedAt: '2026-11-29T01:00:00.000Z',
        }),
      ),
    );
    for (const [i, copy] of copies.entries()) {
      const marks = await readMarks(copy);
      expect([...marks.textMark.keys()]).toEqual([codes[i]]);
      expect(marks.textMark.get(codes[i])).toEqual([1, 2, 3, 4]);
    }
  });

  it('warms up a pool that keeps one thread, which then stamps as any other', async () => {
    const warm = new StampPool(1, true);
    try {
      await warm.warmUp();
      const code = newCopyCode();
      const copy = await warm.stamp(StampPool.share(await samplePdf(2)), {
        code,
        readerName: 'Đại biểu',
        readerUnit: null,
        meetingTitle: 'Kỳ họp',
        issuedAt: '2026-11-29T01:00:00.000Z',
      });
      expect([...(await readMarks(copy)).textMark.keys()]).toEqual([code]);
    } finally {
      await warm.close();
    }
  });
});
