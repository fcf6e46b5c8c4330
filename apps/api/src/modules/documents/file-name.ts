import { AppException } from '../../common/errors/app-exception';

const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const MAX_NAME = 255;

/**
 * The uploaded file's name as it is kept (for display and downloads; storage names are the
 * SHA-256, never this). A browser sends a bare name: one with a path (`../`, `C:\`), control
 * characters or nothing left is DOCUMENT_NAME_INVALID. Bidirectional overrides and zero-width
 * characters, which can disguise an extension (`hóa‮fdp.exe`), are removed; the name is NFC.
 */
export function checkFileName(raw: string): string {
  if (raw.includes('/') || raw.includes('\\') || CONTROL.test(raw))
    throw new AppException('DOCUMENT_NAME_INVALID');
  const name = raw.normalize('NFC').replace(INVISIBLE, '').trim();
  if (name === '' || name === '.' || name === '..' || name.length > MAX_NAME) {
    throw new AppException('DOCUMENT_NAME_INVALID');
  }
  return name;
}
