import contentDisposition from 'content-disposition';

/** Invisible format characters (bidi overrides, zero-width) that could disguise a name (`‮fdp.exe`). */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;

/**
 * A `Content-Disposition` header that is safe for any stored name: path parts, control and bidi
 * characters removed, quotes escaped by the `content-disposition` package, an ASCII `filename=`
 * fallback and the exact Vietnamese name in RFC 6266/5987 `filename*=UTF-8''…`.
 * Example: `Tờ trình số 5.pdf` → `attachment; filename="T? trinh s? 5.pdf"; filename*=UTF-8''T%E1%BB%9D%20...`.
 */
export function documentContentDisposition(
  name: string,
  type: 'attachment' | 'inline' = 'attachment',
): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.normalize('NFC').replace(INVISIBLE, '').replace(CONTROL, '').trim();
  const safe = clean === '' || clean === '.' || clean === '..' ? 'tai-lieu.pdf' : clean;
  return contentDisposition(safe, { type, fallback: asciiFallback(safe) });
}

/** "Tờ trình – Đống Đa.pdf" → "To trinh - Dong Da.pdf": what an old client that ignores filename* shows. */
function asciiFallback(name: string): string {
  return name
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[^\x20-\x7e]/g, '_');
}
