import type { MeetingDetail } from '@phonghop/common';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { startTestApp, TestApp } from '../../../test/test-app';
import {
  activePdf,
  bombPdf,
  brokenXrefPdf,
  encryptedPdf,
  manyPagesPdf,
  plainPdf,
  upload,
  zipOf,
} from '../../../test/documents-kit';
import {
  addParticipant,
  call,
  createMeeting,
  errorCode,
  eventually,
  expectStatus,
  Person,
  person,
} from '../../../test/meetings-kit';
import { DocumentStorageService } from './document-storage.service';

const MAX_BYTES = 4 * 1024 * 1024;
const MAX_INFLATED = 16 * 1024 * 1024;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('document upload: streamed, typed by its bytes, hostile files refused', () => {
  let t: TestApp;
  let secretary: Person;
  let delegate: Person;
  let meetingId: string;

  beforeAll(async () => {
    t = await startTestApp({
      env: { DOCUMENT_MAX_BYTES: String(MAX_BYTES), DOCUMENT_MAX_INFLATED_BYTES: String(MAX_INFLATED) },
    });
    [secretary, delegate] = await Promise.all([person(t, 'thuky-tailieu'), person(t, 'daibieu-tailieu')]);
    meetingId = (await createMeeting(t, secretary)).id;
    await addParticipant(t, secretary, meetingId, delegate, 'delegate');
  });
  afterAll(() => t.close());

  /** What must not change when an upload is refused: blobs, versions, documents, the log. */
  async function footprint() {
    const [row] = await t.dataSource.query<
      { blobs: string; chunks: string; versions: string; docs: string; seq: number }[]
    >(
      `SELECT (SELECT count(*) FROM document_blobs) AS blobs, (SELECT count(*) FROM document_blob_chunks) AS chunks,
              (SELECT count(*) FROM document_versions) AS versions, (SELECT count(*) FROM meeting_documents) AS docs,
              (SELECT last_seq FROM meetings WHERE id = $1) AS seq`,
      [meetingId],
    );
    return row;
  }

  it('stores a PDF by its SHA-256, answers the document and puts it in the snapshot', async () => {
    const bytes = await plainPdf(3);
    const res = expectStatus(
      await upload(t, secretary, meetingId, { name: 'Tờ trình số 12.pdf', bytes }),
      201,
    );
    expect(res.version).toMatchObject({
      number: 1,
      originalName: 'Tờ trình số 12.pdf',
      mediaType: 'application/pdf',
      size: bytes.length,
      sha256: sha(bytes),
      status: 'ready',
      pageCount: 3,
      removed: [],
    });
    expect(res.document.currentVersionId).toBe(res.version.id);
    const detail = expectStatus(await call<MeetingDetail>(t, delegate, 'GET', `/meetings/${meetingId}`), 200);
    expect(detail.documents.map((d) => d.id)).toContain(res.document.id);
    expect(detail.seq).toBe(res.seq);
    const storage = t.app.get(DocumentStorageService);
    const original = await storage.readBlob(sha(bytes));
    expect(sha(original)).toBe(sha(bytes));
    const reading = await storage.readReadingPdf(res.version.id);
    expect((await PDFDocument.load(reading)).getPageCount()).toBe(3);
  });

  it('removes scripts, actions, attachments and forms from the reading copy and keeps the original', async () => {
    const bytes = await activePdf();
    const res = expectStatus(await upload(t, secretary, meetingId, { name: 'co-script.pdf', bytes }), 201);
    expect(res.version.removed).toEqual(
      expect.arrayContaining(['javascript', 'open_action', 'launch_action', 'embedded_files', 'forms']),
    );
    const storage = t.app.get(DocumentStorageService);
    const reading = await storage.readReadingPdf(res.version.id);
    const text = Buffer.from(reading).toString('latin1');
    for (const marker of [
      '/JavaScript',
      '/JS',
      '/OpenAction',
      '/Launch',
      '/EmbeddedFile',
      '/AcroForm',
      'MZ secret',
      '/Widget',
    ]) {
      expect(text).not.toContain(marker);
    }
    // Every object of the copy, parsed: none is an action or a file.
    const doc = await PDFDocument.load(reading);
    for (const [, obj] of doc.context.enumerateIndirectObjects()) {
      const dict = obj instanceof PDFRawStream ? obj.dict : obj;
      if (dict instanceof PDFDict) {
        expect(dict.get(PDFName.of('S'))?.toString() ?? '').not.toMatch(/JavaScript|Launch/);
        expect(dict.has(PDFName.of('EF'))).toBe(false);
      }
    }
    // The original is kept as uploaded, for the record.
    expect(Buffer.from(await storage.readBlob(res.version.sha256)).toString('latin1')).toContain(
      '/JavaScript',
    );
  });

  const hostile: [string, () => Promise<{ name: string; bytes: Uint8Array }>, string, number][] = [
    [
      'a text file renamed .pdf',
      async () => ({ name: 'bao-cao.pdf', bytes: Buffer.from('Đây không phải PDF\n') }),
      'DOCUMENT_TYPE_UNSUPPORTED',
      415,
    ],
    [
      'a PNG renamed .pdf',
      async () => ({ name: 'anh.pdf', bytes: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') }),
      'DOCUMENT_TYPE_UNSUPPORTED',
      415,
    ],
    [
      'a polyglot: a PDF with a ZIP glued after it',
      async () => ({
        name: 'da-dang.pdf',
        bytes: Buffer.concat([await plainPdf(1), zipOf('x.js', Buffer.from('alert(1)'))]),
      }),
      'DOCUMENT_POLYGLOT',
      422,
    ],
    [
      'a polyglot: a ZIP with a PDF header where readers look for one',
      async () => ({ name: 'da-dang.docx', bytes: zipOf('%PDF-1.7.txt', Buffer.from('%PDF-1.7')) }),
      'DOCUMENT_POLYGLOT',
      422,
    ],
    [
      'an encrypted PDF',
      async () => ({ name: 'mat-khau.pdf', bytes: await encryptedPdf() }),
      'DOCUMENT_ENCRYPTED',
      422,
    ],
    [
      'a PDF with a broken xref table',
      async () => ({ name: 'hong.pdf', bytes: await brokenXrefPdf() }),
      'DOCUMENT_DAMAGED',
      422,
    ],
    [
      'a decompression bomb',
      async () => ({ name: 'bom.pdf', bytes: await bombPdf(MAX_INFLATED * 4) }),
      'DOCUMENT_TOO_COMPLEX',
      422,
    ],
    [
      '10,000 pages',
      async () => ({ name: 'muoi-nghin-trang.pdf', bytes: manyPagesPdf(10_000) }),
      'DOCUMENT_TOO_COMPLEX',
      422,
    ],
    [
      'a path in the name',
      async () => ({ name: '../../etc/passwd.pdf', bytes: await plainPdf(1) }),
      'DOCUMENT_NAME_INVALID',
      400,
    ],
    [
      'a Windows path in the name',
      async () => ({ name: '..\\..\\boot.pdf', bytes: await plainPdf(1) }),
      'DOCUMENT_NAME_INVALID',
      400,
    ],
    [
      'one byte over the limit',
      async () => ({
        name: 'lon.pdf',
        bytes: Buffer.concat([await plainPdf(1), Buffer.alloc(MAX_BYTES)]).subarray(0, MAX_BYTES + 1),
      }),
      'DOCUMENT_TOO_LARGE',
      413,
    ],
  ];

  it.each(hostile)(
    'refuses %s with a clear code and leaves nothing behind',
    async (_label, make, code, status) => {
      const file = await make();
      const before = await footprint();
      const res = await upload(t, secretary, meetingId, file);
      expect({ status: res.status, code: errorCode(res) }).toEqual({ status, code });
      expect(await footprint()).toEqual(before);
    },
  );

  it('takes a file of exactly the limit', async () => {
    const base = await plainPdf(1);
    const text = Buffer.from(base).toString('latin1');
    // Pad inside a comment before the header's end so the file stays a valid PDF of exactly MAX_BYTES.
    const pad = MAX_BYTES - base.length;
    const padded = Buffer.from(text.replace('%PDF-1.7\n', `%PDF-1.7\n%${'x'.repeat(pad - 2)}\n`), 'latin1');
    expect(padded.length).toBe(MAX_BYTES);
    const res = await upload(t, secretary, meetingId, { name: 'vua-du.pdf', bytes: padded });
    expect(res.status).not.toBe(413);
  });

  it('answers 413 from the declared length alone, before the body is sent', async () => {
    const before = await footprint();
    const answer = await rawUpload(t.url, secretary, meetingId, { declaredLength: MAX_BYTES * 10, send: 0 });
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(answer).toContain('DOCUMENT_TOO_LARGE');
    expect(await footprint()).toEqual(before);
  });

  it('leaves nothing behind when the client stops half-way', async () => {
    const before = await footprint();
    const tempsBefore = uploadTemps();
    const body = await plainPdf(50);
    await rawUpload(t.url, secretary, meetingId, {
      declaredLength: body.length + 1000,
      send: 0.5,
      file: body,
    });
    // The server notices the closed connection on its own time: wait until its temp files are gone.
    await eventually(() => expect(uploadTemps()).toEqual(tempsBefore));
    expect(await footprint()).toEqual(before);
    // The node still takes uploads.
    expectStatus(
      await upload(t, secretary, meetingId, { name: 'sau-khi-dut.pdf', bytes: await plainPdf(1, 'Sau') }),
      201,
    );
  });

  it('refuses an upload by a delegate before storing anything', async () => {
    const before = await footprint();
    const res = await upload(t, delegate, meetingId, { name: 'x.pdf', bytes: await plainPdf(1) });
    expect(errorCode(res)).toBe('MEETING_ROLE_REQUIRED');
    expect(await footprint()).toEqual(before);
  });

  it('stores the same bytes once', async () => {
    const bytes = await plainPdf(4, 'Ban sao');
    const a = expectStatus(await upload(t, secretary, meetingId, { name: 'a.pdf', bytes }), 201);
    const b = expectStatus(
      await upload(t, secretary, meetingId, { name: 'b.pdf', bytes }, { title: 'Bản sao' }),
      201,
    );
    expect(a.document.id).not.toBe(b.document.id);
    const rows = await t.dataSource.query<{ n: string }[]>(
      'SELECT count(*) AS n FROM document_blobs WHERE sha256 = $1',
      [sha(bytes)],
    );
    expect(Number(rows[0].n)).toBe(1);
  });
});

/** Temp directories of uploads in progress (this test file is the only one that makes them here). */
function uploadTemps(): string[] {
  return readdirSync(tmpdir())
    .filter((n) => n.startsWith('phonghop-upload-'))
    .sort();
}

/**
 * A multipart upload over a raw socket: the headers with `declaredLength`, then `send` (a fraction)
 * of the body, then the socket is closed (send < 1) or left for the answer. Answers what came back.
 */
function rawUpload(
  url: string,
  who: Person,
  meetingId: string,
  options: { declaredLength: number; send: number; file?: Uint8Array },
): Promise<string> {
  const { hostname, port } = new URL(url);
  const boundary = 'ranh-gioi-' + Date.now();
  const head = Buffer.from(
    [
      `--${boundary}`,
      'Content-Disposition: form-data; name="title"',
      '',
      'Tờ trình',
      `--${boundary}`,
      'Content-Disposition: form-data; name="kind"',
      '',
      'proposal',
      `--${boundary}`,
      'Content-Disposition: form-data; name="accessLevel"',
      '',
      'all',
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="dut.pdf"',
      'Content-Type: application/pdf',
      '',
      '',
    ].join('\r\n'),
  );
  const body = Buffer.concat([head, Buffer.from(options.file ?? new Uint8Array())]);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        [
          `POST /api/v1/meetings/${meetingId}/documents HTTP/1.1`,
          `Host: ${hostname}:${port}`,
          `Authorization: Bearer ${who.token}`,
          `Content-Type: multipart/form-data; boundary=${boundary}`,
          `Content-Length: ${options.declaredLength}`,
          '',
          '',
        ].join('\r\n'),
      );
      if (options.send > 0) {
        socket.write(body.subarray(0, Math.floor(body.length * options.send)), () => {
          if (options.send < 1) setTimeout(() => socket.destroy(), 200);
        });
      }
    });
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += d.toString('utf8')));
    socket.on('close', () => resolve(answer));
    socket.on('error', (err) => (answer ? resolve(answer) : reject(err)));
    socket.setTimeout(15_000, () => socket.destroy());
  });
}
