import { containsPattern, FOLD_FROM, FOLD_TO, foldSearchText } from './search-text';

/** The same folding as the SQL side: translate() with the table, then lower(). */
function foldLikeSql(text: string): string {
  const map = new Map([...FOLD_FROM].map((c, i) => [c, FOLD_TO[i]]));
  return [...text]
    .map((c) => map.get(c) ?? c)
    .join('')
    .toLowerCase();
}

describe('search text folding', () => {
  it('removes Vietnamese diacritics and case', () => {
    expect(foldSearchText('Nguyễn Đức Thắng')).toBe('nguyen duc thang');
    expect(foldSearchText('  ĐỐNG ĐA ')).toBe('dong da');
    expect(foldSearchText('Phường Vĩnh Phúc')).toBe('phuong vinh phuc');
  });

  it('folds the query (any Unicode form) and the column (NFC) to the same text', () => {
    const names = [
      'Nguyễn Thị Ánh',
      'Trần Quốc Khánh',
      'Phạm Ngọc Ưng',
      'Lê Thị Hồng Nhung',
      'Đặng Ơn',
      'Ủy ban Kiểm tra',
      'Hoàng Ỷ Lan',
      'ỨNG DỤNG',
    ];
    for (const name of names) {
      const stored = name.normalize('NFC');
      expect(foldLikeSql(stored)).toBe(foldSearchText(name.normalize('NFD')));
      expect(foldLikeSql(stored)).toMatch(/^[a-z ]+$/);
    }
  });

  it('maps all 132 accented vowels (both cases) and đ/Đ', () => {
    expect([...FOLD_FROM]).toHaveLength(FOLD_TO.length);
    expect(new Set(FOLD_FROM).size).toBe(FOLD_FROM.length);
    // 12 vowels × 6 tones × 2 cases, less the 6 plain ASCII vowels × 2 cases, plus đ and Đ.
    expect(FOLD_FROM.length).toBe(12 * 6 * 2 - 6 * 2 + 2);
  });

  it('escapes LIKE wildcards', () => {
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});
