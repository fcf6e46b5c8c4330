import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { LeakTraceResult } from '@phonghop/common';
import { PDFDocument } from 'pdf-lib';
import { startTestApp, TestApp } from '../../../test/test-app';
import { addParticipant, call, createMeeting, errorCode, Person, person } from '../../../test/meetings-kit';
import { DocumentStorageService } from '../documents/document-storage.service';
import { formatCopyCode, newCopyCode } from './stamp/copy-code';
import { pdftocairo, qpdf, stripMetadata } from './stamp/rewrite-tools';
import { samplePdf } from './stamp/sample-pdf';
import { seedDocument } from './testing/seed-document';

jest.setTimeout(120_000);

const run = promisify(execFile);

async function download(t: TestApp, who: Person, path: string): Promise<Uint8Array> {
  const res = await fetch(`${t.url}/api/v1${path}`, { headers: { authorization: `Bearer ${who.token}` } });
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

async function traceFile(
  t: TestApp,
  who: Person,
  pdf: Uint8Array,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${t.url}/api/v1/admin/leak-trace/file`, {
    method: 'POST',
    headers: { authorization: `Bearer ${who.token}`, 'content-type': 'application/pdf' },
    body: Buffer.from(pdf),
  });
  return { status: res.status, body: await res.json() };
}

describe('leak trace: two readers get copies, one strips and rewrites its copy, both are traced', () => {
  let t: TestApp;
  let admin: Person;
  let secretary: Person;
  let readerA: Person;
  let readerB: Person;
  let copyA: Uint8Array;
  let leakedB: Uint8Array;
  let versionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    [admin, secretary, readerA, readerB] = await Promise.all([
      person(t, 'quantri-lo', 'admin'),
      person(t, 'thuky-lo'),
      person(t, 'daibieu-a'),
      person(t, 'daibieu-b'),
    ]);
    await t.dataSource.query(
      `UPDATE users SET full_name = CASE id WHEN $1::uuid THEN 'Trần Văn Đức' ELSE 'Lê Thị Ánh Tuyết' END,
                        unit = CASE id WHEN $1::uuid THEN 'Chi bộ Định Trung' ELSE 'Chi bộ Ngô Quyền' END
        WHERE id IN ($1, $2)`,
      [readerA.id, readerB.id],
    );
    const meetingId = (await createMeeting(t, secretary, { title: 'Họp Ban Thường vụ' })).id;
    await addParticipant(t, secretary, meetingId, readerA, 'delegate');
    await addParticipant(t, secretary, meetingId, readerB, 'delegate');
    const doc = await seedDocument(t.dataSource, t.app.get(DocumentStorageService), {
      meetingId,
      createdById: secretary.id,
      title: 'Dự thảo nhân sự',
      accessLevel: 'named',
      readerIds: [readerA.id, readerB.id],
      pdf: await samplePdf(3),
      pageCount: 3,
    });
    versionId = doc.versionId;
    const base = `/meetings/${meetingId}/documents/${doc.documentId}/versions/${doc.versionId}`;
    copyA = await download(t, readerA, `${base}/download`);
    // Reader B removes the metadata, and lets qpdf rewrite the file (object streams, linearized).
    const copyB = await download(t, readerB, `${base}/copy.pdf`);
    leakedB = await qpdf(await stripMetadata(copyB), ['--linearize', '--object-streams=generate']);
  });

  afterAll(() => t?.close());

  it('names reader A from the untouched copy, by every mark', async () => {
    const res = await traceFile(t, admin, copyA);
    expect(res.status).toBe(200);
    const result = res.body as LeakTraceResult;
    expect(result.verdict).toBe('identified');
    expect(result.copies).toHaveLength(1);
    expect(result.copies[0]).toMatchObject({
      readerId: readerA.id,
      readerName: 'Trần Văn Đức',
      readerUnit: 'Chi bộ Định Trung',
      readerUsername: 'daibieu-a',
      versionId,
      versionNumber: 1,
      documentTitle: 'Dự thảo nhân sự',
      meetingTitle: 'Họp Ban Thường vụ',
      route: 'download',
    });
    expect(result.marks.map((m) => m.kind).sort()).toEqual(['geometry', 'metadata', 'text', 'visible']);
    expect(result.pageCount).toBe(3);
  });

  it('names reader B from the copy whose metadata was stripped and which qpdf rewrote', async () => {
    const res = await traceFile(t, admin, leakedB);
    const result = res.body as LeakTraceResult;
    expect(result.verdict).toBe('identified');
    expect(result.copies.map((c) => [c.readerId, c.route])).toEqual([[readerB.id, 'view']]);
    expect(result.marks.map((m) => m.kind).sort()).toEqual(['geometry', 'text', 'visible']);
    for (const mark of result.marks) expect(mark.pages).toEqual([1, 2, 3]);
  });

  it('still names reader A after the copy was re-distilled ("print to PDF"): mark A and the printed code are text', async () => {
    const result = (await traceFile(t, admin, await pdftocairo(await stripMetadata(copyA))))
      .body as LeakTraceResult;
    expect(result.verdict).toBe('identified');
    expect(result.copies.map((c) => c.readerId)).toEqual([readerA.id]);
    expect(result.marks.map((m) => m.kind).sort()).toEqual(['text', 'visible']);
  });

  it('says "conflicting" and names both when pages of the two copies are mixed', async () => {
    const mixed = await PDFDocument.create();
    const [a, b] = await Promise.all([PDFDocument.load(copyA), PDFDocument.load(leakedB)]);
    const [pa] = await mixed.copyPages(a, [0]);
    const [pb] = await mixed.copyPages(b, [1]);
    mixed.addPage(pa);
    mixed.addPage(pb);
    const result = (await traceFile(t, admin, await mixed.save())).body as LeakTraceResult;
    expect(result.verdict).toBe('conflicting');
    expect(result.copies.map((c) => c.readerId).sort()).toEqual([readerA.id, readerB.id].sort());
  });

  it('traces a code typed off a photo of a page (any case, with its dash)', async () => {
    const fromFile = (await traceFile(t, admin, leakedB)).body as LeakTraceResult;
    const code = fromFile.copies[0].code;
    const res = await call<LeakTraceResult>(t, admin, 'POST', '/admin/leak-trace/code', {
      code: formatCopyCode(code).toLowerCase(),
    });
    expect(res.status).toBe(200);
    expect(res.body.copies[0].readerId).toBe(readerB.id);
    const typo = await call(t, admin, 'POST', '/admin/leak-trace/code', { code: `${code.slice(0, 7)}0` });
    expect([typo.status, errorCode(typo)]).toEqual([400, 'COPY_CODE_INVALID']);
    const unknown = await call(t, admin, 'POST', '/admin/leak-trace/code', { code: newCopyCode() });
    expect([unknown.status, errorCode(unknown)]).toEqual([404, 'COPY_NOT_FOUND']);
  });

  it('is for system administrators only, and refuses a file that is not a PDF', async () => {
    const notAdmin = await traceFile(t, readerA, copyA);
    expect(notAdmin.status).toBe(403);
    const code = await call(t, secretary, 'POST', '/admin/leak-trace/code', { code: 'KAMX-4PWC' });
    expect(errorCode(code)).toBe('ADMIN_REQUIRED');
    const junk = await traceFile(t, admin, new TextEncoder().encode('not a pdf at all'));
    expect(junk.status).toBe(422);
    expect((junk.body as { error: { code: string } }).error.code).toBe('LEAK_FILE_UNREADABLE');
  });

  it('npm run leak:trace names the reader from the rewritten file', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'leak-cli-'));
    try {
      const file = path.join(dir, 'leaked.pdf');
      await fs.writeFile(file, leakedB);
      const cli = path.resolve(__dirname, '../../cli/leak-trace.ts');
      const register = path.resolve(__dirname, 'stamp/swc-register.js');
      const { stdout } = await run(process.execPath, ['-r', register, cli, file], {
        env: { ...process.env, DATABASE_URL: t.db.url, LOG_LEVEL: 'warn' },
      });
      expect(stdout).toMatch(
        /^COPY [347ACEFHKMNPRWXY]{8}: Lê Thị Ánh Tuyết \(Chi bộ Ngô Quyền\) \[daibieu-b, /m,
      );
      expect(stdout).toContain('"Dự thảo nhân sự" version 1');
      expect(stdout).toContain('IDENTIFIED');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
