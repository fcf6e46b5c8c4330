import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { IssuedCopy, LeakMark, LeakTraceResult, LeakVerdict } from '@phonghop/common';
import { COPY_CODE_ALPHABET, parseCopyCode } from './stamp/copy-code';
import { FoundMarks, TEXT_MARK_PREFIX } from './stamp/marks';

/**
 * Leak tracing, shared by the admin route (DocumentCopiesService) and `npm run leak:trace`: read
 * the codes a file carries, look them up in the copy registry, and say what they mean. The
 * database is reached through a plain `query` function so the CLI needs no Nest application.
 */
export type Query = <T>(sql: string, params: unknown[]) => Promise<T[]>;

const run = promisify(execFile);

interface CopyRow {
  code: string;
  meeting_id: string;
  meeting_title: string;
  document_id: string;
  document_title: string | null;
  version_id: string;
  version_number: number | null;
  reader_id: string;
  reader_name: string;
  reader_unit: string | null;
  reader_username: string;
  issued_at: Date;
  route: IssuedCopy['route'];
}

/** The registered copies among `codes`, in the order given. */
export async function findCopies(query: Query, codes: string[]): Promise<IssuedCopy[]> {
  if (codes.length === 0) return [];
  const rows = await query<CopyRow>(
    `SELECT c.code, c.meeting_id, m.title AS meeting_title, c.document_id, d.title AS document_title,
            c.version_id, v.number AS version_number, c.reader_id, c.reader_name, c.reader_unit,
            u.username AS reader_username, c.issued_at, c.route
       FROM document_copies c
       JOIN meetings m ON m.id = c.meeting_id
       JOIN users u ON u.id = c.reader_id
       LEFT JOIN meeting_documents d ON d.id = c.document_id
       LEFT JOIN document_versions v ON v.id = c.version_id
      WHERE c.code = ANY($1::varchar[])`,
    [codes],
  );
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return codes.flatMap((code) => {
    const r = byCode.get(code);
    if (!r) return [];
    return [
      {
        code: r.code,
        meetingId: r.meeting_id,
        meetingTitle: r.meeting_title,
        documentId: r.document_id,
        documentTitle: r.document_title,
        versionId: r.version_id,
        versionNumber: r.version_number,
        readerId: r.reader_id,
        readerName: r.reader_name,
        readerUnit: r.reader_unit,
        readerUsername: r.reader_username,
        issuedAt: new Date(r.issued_at).toISOString(),
        route: r.route,
      },
    ];
  });
}

const VISIBLE_CODE = new RegExp(
  `Mã bản sao:?\\s*([${COPY_CODE_ALPHABET}]{4})-([${COPY_CODE_ALPHABET}]{4})`,
  'g',
);
const TEXT_MARK = new RegExp(`${TEXT_MARK_PREFIX}([${COPY_CODE_ALPHABET}]{8})`, 'g');

/** Codes found in a file's text layer: the printed watermark's, and mark A's as text. */
export interface TextLayerCodes {
  visible: Map<string, number[]>;
  textMark: Map<string, number[]>;
}

function note(map: Map<string, number[]>, code: string | null, page: number): void {
  if (!code) return;
  const pages = map.get(code) ?? [];
  if (!pages.includes(page)) pages.push(page);
  map.set(code, pages);
}

/**
 * The codes in a file's text, read with poppler's `pdftotext` (in a child process with a time
 * limit: the file is whatever someone leaked): the printed `Mã bản sao` and the text mark, which
 * survive a re-distilled file whose content streams were rewritten. Empty when there is no text
 * layer (a scan) or pdftotext fails.
 */
export async function readTextLayerCodes(pdf: Uint8Array, timeoutMs = 20_000): Promise<TextLayerCodes> {
  const found: TextLayerCodes = { visible: new Map(), textMark: new Map() };
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'leak-trace-'));
  try {
    const input = path.join(dir, 'leaked.pdf');
    await fs.writeFile(input, pdf);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', '-q', input, '-'], {
      timeout: timeoutMs,
      maxBuffer: 64 * 2 ** 20,
    });
    stdout.split('\f').forEach((pageText, i) => {
      const text = pageText.normalize('NFC');
      for (const m of text.matchAll(VISIBLE_CODE)) note(found.visible, parseCopyCode(m[1] + m[2]), i + 1);
      for (const m of text.matchAll(TEXT_MARK)) note(found.textMark, parseCopyCode(m[1]), i + 1);
    });
  } catch {
    // An unreadable text layer only means this kind of evidence is missing.
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  return found;
}

/** Every code found, strongest evidence first: the invisible marks, the metadata, the print. */
export function leakMarks(found: FoundMarks | null, text: TextLayerCodes): LeakMark[] {
  const marks: LeakMark[] = [];
  // Mark A, from the content streams and from the text layer (pages of both, once each).
  const textMark = new Map<string, number[]>();
  for (const source of [found?.textMark ?? new Map<string, number[]>(), text.textMark]) {
    for (const [code, pages] of source) for (const page of pages) note(textMark, code, page);
  }
  for (const [code, pages] of textMark)
    marks.push({ kind: 'text', code, pages: pages.sort((a, b) => a - b) });
  for (const [code, pages] of found?.geometryMark ?? []) marks.push({ kind: 'geometry', code, pages });
  if (found?.metadata) marks.push({ kind: 'metadata', code: found.metadata, pages: [] });
  for (const [code, pages] of text.visible) marks.push({ kind: 'visible', code, pages });
  return marks;
}

export function leakVerdict(marks: LeakMark[], copies: IssuedCopy[]): LeakVerdict {
  const codes = new Set(marks.map((m) => m.code));
  if (codes.size === 0) return 'no_marks';
  if (copies.length === 0) return 'unregistered';
  return codes.size === 1 ? 'identified' : 'conflicting';
}

/** Traces a file whose marks were read (null: pdf-lib could not open it). */
export async function traceMarks(
  query: Query,
  found: FoundMarks | null,
  text: TextLayerCodes,
): Promise<LeakTraceResult> {
  const marks = leakMarks(found, text);
  const copies = await findCopies(query, [...new Set(marks.map((m) => m.code))]);
  return { verdict: leakVerdict(marks, copies), marks, copies, pageCount: found?.pageCount ?? null };
}

/** Traces a typed code; null when it is not a well-formed code (the caller answers COPY_CODE_INVALID). */
export async function traceCode(query: Query, input: string): Promise<LeakTraceResult | null> {
  const code = parseCopyCode(input);
  if (!code) return null;
  const copies = await findCopies(query, [code]);
  return { verdict: copies.length ? 'identified' : 'unregistered', marks: [], copies, pageCount: null };
}

/** The human answer, for the CLI. */
export function describeTrace(result: LeakTraceResult): string[] {
  const lines: string[] = [];
  for (const m of result.marks) {
    const where = m.pages.length ? ` on page(s) ${compactPages(m.pages)}` : '';
    lines.push(`mark ${m.kind.padEnd(8)} ${m.code}${where}`);
  }
  for (const c of result.copies) {
    const unit = c.readerUnit ? ` (${c.readerUnit})` : '';
    lines.push(
      `COPY ${c.code}: ${c.readerName}${unit} [${c.readerUsername}, ${c.readerId}] — ` +
        `"${c.documentTitle ?? '(removed)'}" version ${c.versionNumber ?? '?'} (${c.versionId}) — ` +
        `meeting "${c.meetingTitle}" (${c.meetingId}) — issued ${c.issuedAt} by ${c.route}`,
    );
  }
  const verdicts: Record<LeakVerdict, string> = {
    identified: 'IDENTIFIED: every mark names the copy above.',
    conflicting: 'CONFLICTING: the file carries codes of several copies (pages mixed from several copies).',
    unregistered: 'UNREGISTERED: the code is well-formed but this system never issued it.',
    no_marks:
      'NO MARKS: no copy code found (not a copy from this system, or printed and scanned: type the printed code).',
  };
  lines.push(verdicts[result.verdict]);
  return lines;
}

function compactPages(pages: number[]): string {
  const sorted = [...pages].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j;
  }
  return parts.join(',');
}
