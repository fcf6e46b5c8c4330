import type { DocumentUploadResult } from '@phonghop/common';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import type { Person, Res } from './meetings-kit';

/**
 * Helpers for the documents tests: uploads through the real multipart route, and PDF fixtures
 * made in code (nothing big is committed): plain, with scripts, encrypted, damaged, a bomb …
 */

export interface UploadOptions {
  title?: string;
  kind?: string;
  accessLevel?: 'all' | 'named' | 'confidential';
  readerIds?: string[];
  agendaItemId?: string;
  commentDeadline?: string;
  idempotencyKey?: string;
  /** Extra text fields, sent before the file. */
  fields?: Record<string, string>;
}

/** POST /meetings/:id/documents (or …/:documentId/versions) with the fields first and the file last. */
export async function upload(
  t: { url: string },
  who: Person | null,
  meetingId: string,
  file: { name: string; bytes: Uint8Array; type?: string },
  options: UploadOptions = {},
  documentId?: string,
): Promise<Res<DocumentUploadResult>> {
  const form = new FormData();
  if (!documentId) {
    form.append('title', options.title ?? 'Tờ trình về kế hoạch năm 2027');
    form.append('kind', options.kind ?? 'proposal');
    form.append('accessLevel', options.accessLevel ?? 'all');
    if (options.readerIds) form.append('readerIds', JSON.stringify(options.readerIds));
    if (options.agendaItemId) form.append('agendaItemId', options.agendaItemId);
    if (options.commentDeadline) form.append('commentDeadline', options.commentDeadline);
  }
  for (const [k, v] of Object.entries(options.fields ?? {})) form.append(k, v);
  form.append('file', new Blob([file.bytes], { type: file.type ?? 'application/pdf' }), file.name);
  const headers: Record<string, string> = {};
  if (who) headers.authorization = `Bearer ${who.token}`;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  const url = documentId
    ? `${t.url}/api/v1/meetings/${meetingId}/documents/${documentId}/versions`
    : `${t.url}/api/v1/meetings/${meetingId}/documents`;
  const res = await fetch(url, { method: 'POST', headers, body: form });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: body as DocumentUploadResult };
}

/** A plain PDF with `pages` pages of Vietnamese text. */
export async function plainPdf(pages = 2, label = 'Tài liệu họp'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    doc.addPage([595, 842]).drawText(`${label.normalize('NFD').replace(/[^\x20-\x7e]/g, '')} ${i}`, {
      x: 50,
      y: 780,
      size: 14,
      font,
    });
  }
  return doc.save({ useObjectStreams: false });
}

/** A PDF that opens with JavaScript, carries a launch link, a script in its name tree, a form and an attachment. */
export async function activePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const ctx = doc.context;
  const js = ctx.obj({ S: 'JavaScript', JS: PDFString.of('app.alert("xin chao")') });
  doc.catalog.set(PDFName.of('OpenAction'), ctx.register(js));
  const nameTreeJs = ctx.obj({
    Names: [
      PDFString.of('init'),
      ctx.register(ctx.obj({ S: 'JavaScript', JS: PDFString.of('this.print()') })),
    ],
  });
  const file = ctx.register(ctx.stream('MZ secret payload', { Type: 'EmbeddedFile' }));
  const spec = ctx.register(ctx.obj({ Type: 'Filespec', F: PDFString.of('run.exe'), EF: { F: file } }));
  const embedded = ctx.obj({ Names: [PDFString.of('run.exe'), spec] });
  doc.catalog.set(
    PDFName.of('Names'),
    ctx.obj({ JavaScript: ctx.register(nameTreeJs), EmbeddedFiles: ctx.register(embedded) }),
  );
  const launch = ctx.register(
    ctx.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [0, 0, 100, 100],
      A: { S: 'Launch', F: PDFString.of('cmd.exe') },
    }),
  );
  const attach = ctx.register(
    ctx.obj({ Type: 'Annot', Subtype: 'FileAttachment', Rect: [0, 0, 10, 10], FS: spec }),
  );
  const widget = ctx.register(
    ctx.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Tx',
      T: PDFString.of('ho_ten'),
      Rect: [100, 100, 300, 120],
    }),
  );
  page.node.set(PDFName.of('Annots'), ctx.obj([launch, attach, widget]));
  doc.catalog.set(PDFName.of('AcroForm'), ctx.obj({ Fields: [widget] }));
  return doc.save({ useObjectStreams: false });
}

/** The same PDF encrypted with a password by qpdf (AES-256). */
export async function encryptedPdf(): Promise<Uint8Array> {
  return withTemp(async (dir) => {
    const input = path.join(dir, 'in.pdf');
    const output = path.join(dir, 'out.pdf');
    writeFileSync(input, await plainPdf(1));
    execFileSync('qpdf', ['--encrypt', 'matkhau', 'chusohuu', '256', '--', input, output]);
    return readFileSync(output);
  });
}

/** A PDF whose cross-reference table points at the wrong offsets. */
export async function brokenXrefPdf(): Promise<Uint8Array> {
  const text = Buffer.from(await plainPdf(2)).toString('latin1');
  const at = text.lastIndexOf('\nxref\n');
  const head = text.slice(0, at);
  const tail = text.slice(at).replace(/^(\d{10}) 00000 n/gm, (_m, offset: string) => {
    return `${String(Number(offset) + 7).padStart(10, '0')} 00000 n`;
  });
  return Buffer.from(head + tail, 'latin1');
}

/** A small PDF with one stream that inflates to `inflatedBytes` of zeros. */
export async function bombPdf(inflatedBytes: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const ctx = doc.context;
  const bomb = ctx.register(
    ctx.stream(deflateSync(Buffer.alloc(inflatedBytes), { level: 9 }), { Filter: 'FlateDecode' }),
  );
  page.node.set(PDFName.of('Contents'), bomb);
  return doc.save({ useObjectStreams: false });
}

/** A PDF with `pages` empty pages, written directly (pdf-lib takes seconds for 10,000). */
export function manyPagesPdf(pages: number): Uint8Array {
  const parts: string[] = ['%PDF-1.7\n'];
  const offsets: number[] = [];
  let length = parts[0].length;
  const add = (body: string) => {
    offsets.push(length);
    const text = `${offsets.length} 0 obj\n${body}\nendobj\n`;
    parts.push(text);
    length += text.length;
  };
  add('<< /Type /Catalog /Pages 2 0 R >>');
  const kids = Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(' ');
  add(`<< /Type /Pages /Count ${pages} /Kids [${kids}] >>`);
  for (let i = 0; i < pages; i++) add('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>');
  const xref = [
    `xref\n0 ${offsets.length + 1}\n`,
    '0000000000 65535 f \n',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
  ];
  parts.push(
    ...xref,
    `trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`,
  );
  return Buffer.from(parts.join(''), 'latin1');
}

/** A minimal ZIP archive of one stored (uncompressed) entry. */
export function zipOf(name: string, content: Buffer): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(content.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(content.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const localPart = Buffer.concat([local, nameBytes, content]);
  const dir = Buffer.concat([central, nameBytes]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(localPart.length, 16);
  return Buffer.concat([localPart, dir, end]);
}

/** Text of a PDF, by poppler's pdftotext (UTF-8). */
export function pdfText(bytes: Uint8Array): string {
  return withTempSync((dir) => {
    const file = path.join(dir, 'x.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  });
}

async function withTemp<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'phonghop-test-'));
  try {
    return await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function withTempSync<T>(work: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'phonghop-test-'));
  try {
    return work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
