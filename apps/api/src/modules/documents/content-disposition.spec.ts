import { documentContentDisposition } from './content-disposition';
import { checkFileName } from './file-name';

/** What a browser would take as the file name: RFC 6266's filename* (UTF-8), else filename. */
function savedName(header: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) return decodeURIComponent(star[1]);
  return /filename="((?:[^"\\]|\\.)*)"/.exec(header)![1].replace(/\\(.)/g, '$1');
}

describe('documentContentDisposition', () => {
  it('keeps the Vietnamese name exactly, with an ASCII fallback', () => {
    const header = documentContentDisposition('Tờ trình số 12 – Đống Đa.pdf');
    expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(savedName(header)).toBe('Tờ trình số 12 – Đống Đa.pdf');
  });

  it('keeps only the last part of a path', () => {
    expect(savedName(documentContentDisposition('../../etc/passwd'))).toBe('passwd');
    expect(savedName(documentContentDisposition('..\\..\\boot.ini'))).toBe('boot.ini');
    expect(savedName(documentContentDisposition('../..'))).toBe('tai-lieu.pdf');
  });

  it('removes a right-to-left override that would disguise the extension', () => {
    const header = documentContentDisposition('bao-cao\u202Efdp.exe');
    expect(header).not.toMatch(/\u202E|%E2%80%AE/i);
    expect(savedName(header)).toBe('bao-caofdp.exe');
  });

  it('escapes quotes and drops line breaks so the header cannot be split or closed early', () => {
    const header = documentContentDisposition('a"b\r\nSet-Cookie: x=1.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(savedName(header)).toBe('a"bSet-Cookie: x=1.pdf');
    expect(documentContentDisposition('x.pdf', 'inline')).toBe('inline; filename="x.pdf"');
  });
});

describe('checkFileName', () => {
  it.each(['../a.pdf', 'a/b.pdf', 'C:\\x.pdf', 'a\u0000.pdf', 'a\n.pdf', '..', ' ', '\u202E'])(
    'refuses %j',
    (name) => {
      expect(() => checkFileName(name)).toThrow(expect.objectContaining({ code: 'DOCUMENT_NAME_INVALID' }));
    },
  );

  it('keeps a Vietnamese name, in NFC, without invisible characters', () => {
    expect(checkFileName('Dự thảo\u200B nghị quyết.docx'.normalize('NFD'))).toBe('Dự thảo nghị quyết.docx');
    expect(checkFileName('"Báo cáo" (bản 2).pdf')).toBe('"Báo cáo" (bản 2).pdf');
  });
});
