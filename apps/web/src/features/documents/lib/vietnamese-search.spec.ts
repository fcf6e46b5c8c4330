import { foldVietnamese, hasDiacritics, searchPages, textMatcher } from './vietnamese-search';

describe('Vietnamese text search', () => {
  it('folds diacritics and đ, keeping one character per character', () => {
    expect(foldVietnamese('Nghị quyết Đảng ủy phường Vĩnh Phúc')).toBe('nghi quyet dang uy phuong vinh phuc');
    const text = 'Tờ trình số 12';
    expect(foldVietnamese(text)).toHaveLength(text.normalize('NFC').length);
  });

  it('treats NFD text as NFC', () => {
    const nfd = 'Nghị quyết'.normalize('NFD');
    expect(textMatcher('nghị quyết')!.find(nfd)).toEqual([0]);
  });

  it('a query without diacritics finds the text with them', () => {
    expect(textMatcher('nghi quyet')!.find('Dự thảo Nghị quyết về ngân sách')).toEqual([8]);
    expect(textMatcher('DANG UY')!.find('Đảng ủy')).toEqual([0]);
  });

  it('a query with diacritics finds only those', () => {
    expect(hasDiacritics('nghị')).toBe(true);
    expect(hasDiacritics('nghi')).toBe(false);
    expect(textMatcher('nghị')!.find('nghỉ phép, nghị quyết')).toEqual([11]);
  });

  it('finds every match across pages, with an excerpt', () => {
    const hits = searchPages(
      ['Báo cáo ngân sách', 'Không có', 'Ngân sách năm 2027; ngân sách xã'],
      'ngan sach',
    );
    expect(hits.map((h) => h.page)).toEqual([1, 3, 3]);
    expect(hits[0].excerpt).toContain('ngân sách');
  });

  it('a blank query finds nothing', () => {
    expect(searchPages(['abc'], '   ')).toEqual([]);
  });
});
