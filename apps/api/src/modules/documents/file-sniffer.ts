import type { DocumentFileKind } from '@phonghop/common';
import { open } from 'node:fs/promises';
import { AppException } from '../../common/errors/app-exception';

/*
 * Decides a file's type from its bytes — never from its name or the browser's Content-Type — for the
 * few types we accept: PDF, and the Office formats LibreOffice converts (OOXML and OpenDocument, both
 * ZIP archives, told apart by the names in the archive's central directory). Anything else is
 * DOCUMENT_TYPE_UNSUPPORTED. A file that is two things at once (a PDF with a ZIP or HTML around it,
 * a ZIP with a PDF header where readers look for one) is DOCUMENT_POLYGLOT.
 */

const HEAD_BYTES = 1024;
/** How far from the end the PDF trailer (`%%EOF`) and a ZIP's end record are looked for. */
const TAIL_BYTES = 64 * 1024;
const ZIP_LOCAL = Buffer.from('PK\x03\x04', 'latin1');
const ZIP_END = Buffer.from('PK\x05\x06', 'latin1');
const ZIP_CENTRAL = 0x02014b50;
/** Office archives whose entries would inflate beyond this are refused before LibreOffice sees them. */
const MAX_UNCOMPRESSED_OFFICE_BYTES = 1024 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 20_000;

export interface SniffResult {
  kind: DocumentFileKind;
}

export async function sniffFile(path: string, size: number): Promise<SniffResult> {
  if (size === 0) throw new AppException('DOCUMENT_TYPE_UNSUPPORTED');
  const file = await open(path, 'r');
  try {
    const head = await readAt(file, 0, Math.min(HEAD_BYTES, size));
    const tailStart = Math.max(0, size - TAIL_BYTES);
    const tail = await readAt(file, tailStart, size - tailStart);
    if (head.subarray(0, 5).toString('latin1') === '%PDF-') {
      checkPdfShape(head, tail);
      return { kind: 'pdf' };
    }
    // PDF readers accept a header anywhere in the first 1024 bytes: such a file is a PDF in disguise.
    if (head.includes('%PDF-')) throw new AppException('DOCUMENT_POLYGLOT');
    if (head.subarray(0, 4).equals(ZIP_LOCAL)) {
      const names = await zipEntryNames(file, size, tail, tailStart);
      return { kind: officeKind(names) };
    }
    throw new AppException('DOCUMENT_TYPE_UNSUPPORTED');
  } finally {
    await file.close();
  }
}

/** A PDF must end with `%%EOF` (whitespace after it at most) and hold no HTML or ZIP around it. */
function checkPdfShape(head: Buffer, tail: Buffer): void {
  const lower = head.toString('latin1').toLowerCase();
  if (lower.includes('<html') || lower.includes('<script') || lower.includes('<svg')) {
    throw new AppException('DOCUMENT_POLYGLOT');
  }
  const eof = tail.lastIndexOf('%%EOF');
  if (eof < 0) {
    if (tail.includes(ZIP_END)) throw new AppException('DOCUMENT_POLYGLOT');
    throw new AppException('DOCUMENT_DAMAGED');
  }
  const after = tail.subarray(eof + 5);
  if (!/^[\s\0]*$/.test(after.toString('latin1'))) throw new AppException('DOCUMENT_POLYGLOT');
}

async function readAt(file: Awaited<ReturnType<typeof open>>, position: number, length: number) {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** The entry names of a ZIP archive, from its central directory (nothing is decompressed). */
async function zipEntryNames(
  file: Awaited<ReturnType<typeof open>>,
  size: number,
  tail: Buffer,
  tailStart: number,
): Promise<string[]> {
  const end = tail.lastIndexOf(ZIP_END);
  if (end < 0 || end + 22 > tail.length) throw new AppException('DOCUMENT_DAMAGED');
  const entries = tail.readUInt16LE(end + 10);
  const dirSize = tail.readUInt32LE(end + 12);
  const dirOffset = tail.readUInt32LE(end + 16);
  const commentLength = tail.readUInt16LE(end + 20);
  // Bytes after the end record (beyond its comment) are another file glued on.
  if (tailStart + end + 22 + commentLength !== size) throw new AppException('DOCUMENT_POLYGLOT');
  if (entries > MAX_ZIP_ENTRIES) throw new AppException('DOCUMENT_TOO_COMPLEX');
  if (dirOffset + dirSize > size) throw new AppException('DOCUMENT_DAMAGED');
  const dir = await readAt(file, dirOffset, dirSize);
  const names: string[] = [];
  let total = 0;
  for (let at = 0, i = 0; i < entries; i++) {
    if (at + 46 > dir.length || dir.readUInt32LE(at) !== ZIP_CENTRAL)
      throw new AppException('DOCUMENT_DAMAGED');
    total += dir.readUInt32LE(at + 24);
    const nameLength = dir.readUInt16LE(at + 28);
    const extraLength = dir.readUInt16LE(at + 30);
    const entryCommentLength = dir.readUInt16LE(at + 32);
    names.push(dir.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
    at += 46 + nameLength + extraLength + entryCommentLength;
  }
  if (total > MAX_UNCOMPRESSED_OFFICE_BYTES) throw new AppException('DOCUMENT_TOO_COMPLEX');
  if (names.length > 0 && names[0] === 'mimetype') {
    // OpenDocument: the first entry, stored uncompressed, holds the media type.
    const local = await readAt(file, 0, 30 + 8 + 80);
    const nameLength = local.readUInt16LE(26);
    const extraLength = local.readUInt16LE(28);
    const mime = local.subarray(30 + nameLength + extraLength).toString('latin1');
    names.push(`mimetype:${mime}`);
  }
  return names;
}

function officeKind(names: string[]): DocumentFileKind {
  const has = (n: string) => names.includes(n);
  const mime = names.find((n) => n.startsWith('mimetype:')) ?? '';
  if (mime.startsWith('mimetype:application/vnd.oasis.opendocument.text')) return 'odt';
  if (mime.startsWith('mimetype:application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
  if (mime.startsWith('mimetype:application/vnd.oasis.opendocument.presentation')) return 'odp';
  if (has('[Content_Types].xml')) {
    if (has('word/document.xml')) return 'docx';
    if (has('xl/workbook.xml')) return 'xlsx';
    if (has('ppt/presentation.xml')) return 'pptx';
  }
  throw new AppException('DOCUMENT_TYPE_UNSUPPORTED');
}
