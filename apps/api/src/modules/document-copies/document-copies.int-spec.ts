import { startTestApp, TestApp } from '../../../test/test-app';
import { addParticipant, call, createMeeting, errorCode, Person, person } from '../../../test/meetings-kit';
import { DocumentStorageService } from '../documents/document-storage.service';
import { PageImageCache, StampedCopyCache } from './stamped-copy-cache';
import { formatCopyCode } from './stamp/copy-code';
import { readMarks } from './stamp/marks';
import { pdfText } from './stamp/rewrite-tools';
import { samplePdf } from './stamp/sample-pdf';
import { seedDocument } from './testing/seed-document';

jest.setTimeout(120_000);

interface Fetched {
  status: number;
  type: string | null;
  disposition: string | null;
  cache: string | null;
  bytes: Uint8Array;
}

/** A content route, as the reader's browser fetches it (bytes, not JSON). */
async function fetchContent(t: TestApp, who: Person, path: string): Promise<Fetched> {
  const res = await fetch(`${t.url}/api/v1${path}`, { headers: { authorization: `Bearer ${who.token}` } });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    disposition: res.headers.get('content-disposition'),
    cache: res.headers.get('cache-control'),
    bytes: new Uint8Array(await res.arrayBuffer()),
  };
}

const errorOf = (f: Fetched) =>
  (JSON.parse(Buffer.from(f.bytes).toString()) as { error: { code: string } }).error.code;

describe('document copies: stamped per reader, access-checked on every route, logged', () => {
  let t: TestApp;
  let secretary: Person;
  let chair: Person;
  let reader: Person;
  let notNamed: Person;
  let guest: Person;
  let outsider: Person;
  let meetingId: string;
  const docs: Record<'all' | 'named' | 'secret', { documentId: string; versions: string[] }> = {
    all: { documentId: '', versions: [] },
    named: { documentId: '', versions: [] },
    secret: { documentId: '', versions: [] },
  };
  const base = (d: keyof typeof docs, v = docs[d].versions.length - 1) =>
    `/meetings/${meetingId}/documents/${docs[d].documentId}/versions/${docs[d].versions[v]}`;
  const countRows = async (sql: string, params: unknown[] = []) =>
    Number((await t.dataSource.query(sql, params))[0].n);
  const copyRows = () => countRows('SELECT count(*) AS n FROM document_copies');
  const eventRows = () =>
    countRows(
      "SELECT count(*) AS n FROM meeting_events WHERE type IN ('document.viewed','document.downloaded')",
    );

  beforeAll(async () => {
    t = await startTestApp();
    [secretary, chair, reader, notNamed, guest, outsider] = await Promise.all([
      person(t, 'thuky-banSao'.toLowerCase()),
      person(t, 'chutri-bansao'),
      person(t, 'daibieu-duoc-doc'),
      person(t, 'daibieu-khong-ten'),
      person(t, 'khachmoi-bansao'),
      person(t, 'nguoi-hop-khac'),
    ]);
    await t.dataSource.query(
      "UPDATE users SET full_name = 'Nguyễn Thị Hồng Nhung', unit = 'Chi bộ Khai Quang' WHERE id = $1",
      [reader.id],
    );
    meetingId = (await createMeeting(t, secretary, { title: 'Họp Đảng ủy phường Vĩnh Phúc' })).id;
    const other = (await createMeeting(t, secretary, { title: 'Họp chi bộ Liên Bảo' })).id;
    await addParticipant(t, secretary, meetingId, chair, 'chair');
    await addParticipant(t, secretary, meetingId, reader, 'delegate');
    await addParticipant(t, secretary, meetingId, notNamed, 'delegate');
    await addParticipant(t, secretary, meetingId, guest, 'guest');
    await addParticipant(t, secretary, other, outsider, 'delegate');

    const storage = t.app.get(DocumentStorageService);
    const seed = async (
      key: keyof typeof docs,
      accessLevel: 'all' | 'named' | 'confidential',
      pages: number,
    ) => {
      for (const v of [1, 2]) {
        const { documentId, versionId } = await seedDocument(t.dataSource, storage, {
          meetingId,
          createdById: secretary.id,
          title: `Dự thảo nghị quyết ${key}`,
          accessLevel,
          readerIds: accessLevel === 'all' ? [] : [reader.id],
          pdf: await samplePdf(pages + v - 1),
          pageCount: pages + v - 1,
          documentId: docs[key].documentId || undefined,
        });
        docs[key].documentId = documentId;
        docs[key].versions.push(versionId);
      }
    };
    await seed('all', 'all', 2);
    await seed('named', 'named', 2);
    await seed('secret', 'confidential', 3);
  });

  afterAll(() => t?.close());

  it('gives a named reader a copy stamped with their name, registered to them and logged', async () => {
    const before = await eventRows();
    const res = await fetchContent(t, reader, `${base('named')}/copy.pdf`);
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    expect(res.disposition).toMatch(/^inline;/);
    expect(res.cache).toContain('no-store');
    const marks = await readMarks(res.bytes);
    const [code] = [...marks.textMark.keys()];
    expect(marks.geometryMark.get(code)).toEqual([1, 2, 3]);
    const text = (await pdfText(res.bytes, 1)).normalize('NFC');
    expect(text).toContain('Bản sao cấp cho Nguyễn Thị Hồng Nhung · Chi bộ Khai Quang');
    expect(text).toContain(`Mã bản sao: ${formatCopyCode(code)}`);
    expect(text).toContain('Cuộc họp: Họp Đảng ủy phường Vĩnh Phúc');
    const [row] = await t.dataSource.query('SELECT * FROM document_copies WHERE code = $1', [code]);
    expect(row).toMatchObject({ reader_id: reader.id, version_id: docs.named.versions[1], route: 'view' });
    const [event] = await t.dataSource.query(
      "SELECT actor_id, payload FROM meeting_events WHERE meeting_id = $1 AND type = 'document.viewed' ORDER BY seq DESC LIMIT 1",
      [meetingId],
    );
    expect(event).toEqual({
      actor_id: reader.id,
      payload: {
        documentId: docs.named.documentId,
        versionId: docs.named.versions[1],
        route: 'view',
        page: null,
      },
    });
    expect(await eventRows()).toBe(before + 1);
  });

  it('downloads a stamped copy of an old version as an attachment, logged as document.downloaded', async () => {
    const res = await fetchContent(t, reader, `${base('named', 0)}/download`);
    expect(res.status).toBe(200);
    expect(res.disposition).toMatch(/^attachment;.*filename\*=UTF-8''D%E1%BB%B1%20th%E1%BA%A3o/);
    const marks = await readMarks(res.bytes);
    expect(marks.pageCount).toBe(2);
    const [code] = [...marks.textMark.keys()];
    const [row] = await t.dataSource.query('SELECT version_id, route FROM document_copies WHERE code = $1', [
      code,
    ]);
    expect(row).toEqual({ version_id: docs.named.versions[0], route: 'download' });
    const [event] = await t.dataSource.query(
      "SELECT payload FROM meeting_events WHERE meeting_id = $1 AND type = 'document.downloaded' ORDER BY seq DESC LIMIT 1",
      [meetingId],
    );
    expect(event.payload).toEqual({ documentId: docs.named.documentId, versionId: docs.named.versions[0] });
  });

  it('stamps documents open to all participants too (a guest reads one), each reader with another code', async () => {
    const a = await fetchContent(t, guest, `${base('all')}/copy.pdf`);
    const b = await fetchContent(t, notNamed, `${base('all', 0)}/download`);
    expect([a.status, b.status]).toEqual([200, 200]);
    const codeA = [...(await readMarks(a.bytes)).textMark.keys()];
    const codeB = [...(await readMarks(b.bytes)).textMark.keys()];
    expect(codeA).toHaveLength(1);
    expect(codeB).toHaveLength(1);
    expect(codeA).not.toEqual(codeB);
  });

  it('refuses every route, every version, to a participant not named, a guest and a participant of another meeting — no copy, no event', async () => {
    const copies = await copyRows();
    const events = await eventRows();
    const routes = ['copy.pdf', 'download', 'pages/1.png'];
    for (const d of ['named', 'secret'] as const) {
      for (const v of [0, 1]) {
        for (const route of routes) {
          const path = `${base(d, v)}/${route}`;
          for (const [who, status, code] of [
            [notNamed, 403, 'DOCUMENT_NOT_READABLE'],
            [guest, 403, 'DOCUMENT_NOT_READABLE'],
            [outsider, 404, 'MEETING_NOT_FOUND'],
          ] as const) {
            const res = await fetchContent(t, who, path);
            expect({ path, who: who.username, status: res.status, code: errorOf(res) }).toEqual({
              path,
              who: who.username,
              status,
              code,
            });
          }
        }
      }
    }
    // The outsider is not told whether the document exists, even for one open to all.
    const probe = await fetchContent(t, outsider, `${base('all')}/copy.pdf`);
    expect([probe.status, errorOf(probe)]).toEqual([404, 'MEETING_NOT_FOUND']);
    const unsigned = await fetch(`${t.url}/api/v1${base('all')}/copy.pdf`);
    expect(unsigned.status).toBe(401);
    expect(await copyRows()).toBe(copies);
    expect(await eventRows()).toBe(events);
  });

  it('never lets a confidential document leave as a PDF, even to its reader or the chair', async () => {
    for (const who of [reader, chair]) {
      for (const v of [0, 1]) {
        for (const route of ['copy.pdf', 'download']) {
          const res = await fetchContent(t, who, `${base('secret', v)}/${route}`);
          expect(res.status).toBe(403);
          expect(res.type).not.toContain('pdf');
          expect(errorOf(res)).toBe('DOCUMENT_DOWNLOAD_FORBIDDEN');
        }
      }
    }
  });

  it('shows a confidential document as page images with the watermark burned in, each page view logged', async () => {
    const before = await copyRows();
    const page1 = await fetchContent(t, reader, `${base('secret')}/pages/1.png?width=400`);
    const page3 = await fetchContent(t, reader, `${base('secret')}/pages/3.png`);
    for (const res of [page1, page3]) {
      expect(res.status).toBe(200);
      expect(res.type).toBe('image/png');
      expect(res.cache).toContain('no-store');
      expect(Buffer.from(res.bytes.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
      expect(Buffer.from(res.bytes).includes('%PDF')).toBe(false);
    }
    expect(Buffer.from(page1.bytes).readUInt32BE(16)).toBe(400);
    expect(Buffer.from(page3.bytes).readUInt32BE(16)).toBe(1240);
    // One copy code for the pages of one reading session.
    expect(await copyRows()).toBe(before + 1);
    const [copy] = await t.dataSource.query(
      "SELECT route, reader_id FROM document_copies WHERE version_id = $1 AND route = 'pages'",
      [docs.secret.versions[1]],
    );
    expect(copy).toEqual({ route: 'pages', reader_id: reader.id });
    const views = await t.dataSource.query(
      "SELECT payload FROM meeting_events WHERE meeting_id = $1 AND type = 'document.viewed' AND payload->>'route' = 'pages' ORDER BY seq",
      [meetingId],
    );
    expect(views.map((v: { payload: { page: number } }) => v.payload.page)).toEqual([1, 3]);
    const beyond = await fetchContent(t, reader, `${base('secret')}/pages/5.png`);
    expect(beyond.status).toBe(404);
  });

  describe('copy.pdf: one copy per reader and version, byte ranges for pdf.js', () => {
    const rangeOf = (who: Person, path: string, headers: Record<string, string>) =>
      fetch(`${t.url}/api/v1${path}`, { headers: { authorization: `Bearer ${who.token}`, ...headers } });
    const viewEvents = (who: Person, versionId: string) =>
      countRows(
        "SELECT count(*) AS n FROM meeting_events WHERE type = 'document.viewed' AND actor_id = $1 AND payload->>'versionId' = $2",
        [who.id, versionId],
      );
    const codeIn = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
    const codeOf = async (bytes: Uint8Array) => [...(await readMarks(bytes)).textMark.keys()];

    it('serves a reader the same copy again (same bytes and ETag, one registry row) and logs each opening', async () => {
      const path = `${base('named', 0)}/copy.pdf`;
      const copies = await copyRows();
      const views = await viewEvents(reader, docs.named.versions[0]);
      const first = await rangeOf(reader, path, {});
      const second = await rangeOf(reader, path, {});
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(first.headers.get('accept-ranges')).toBe('bytes');
      expect(first.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
      expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
      const a = new Uint8Array(await first.arrayBuffer());
      const b = new Uint8Array(await second.arrayBuffer());
      expect(Buffer.compare(a, b)).toBe(0);
      expect(await copyRows()).toBe(copies + 1);
      expect(await viewEvents(reader, docs.named.versions[0])).toBe(views + 2);
    });

    it('answers a range with 206 and exactly those bytes, an open range and a suffix too; ranges beyond byte 0 are not logged', async () => {
      const path = `${base('named', 0)}/copy.pdf`;
      const whole = Buffer.from(await (await rangeOf(reader, path, {})).arrayBuffer());
      const views = await viewEvents(reader, docs.named.versions[0]);
      const cases: [string, number, number][] = [
        ['bytes=100-1123', 100, 1123],
        [`bytes=${whole.length - 10}-`, whole.length - 10, whole.length - 1],
        ['bytes=-50', whole.length - 50, whole.length - 1],
        [`bytes=200-${whole.length + 999}`, 200, whole.length - 1],
      ];
      for (const [header, start, end] of cases) {
        const res = await rangeOf(reader, path, { range: header });
        expect({ header, status: res.status }).toEqual({ header, status: 206 });
        expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/${whole.length}`);
        expect(res.headers.get('cache-control')).toContain('no-store');
        const part = Buffer.from(await res.arrayBuffer());
        expect(Buffer.compare(part, whole.subarray(start, end + 1))).toBe(0);
      }
      expect(await viewEvents(reader, docs.named.versions[0])).toBe(views);
      // A range from the first byte opens the document: logged.
      const head = await rangeOf(reader, path, { range: 'bytes=0-1023' });
      expect(head.status).toBe(206);
      expect(Buffer.compare(Buffer.from(await head.arrayBuffer()), whole.subarray(0, 1024))).toBe(0);
      expect(await viewEvents(reader, docs.named.versions[0])).toBe(views + 1);
      // Beyond the end: 416 with the size; a stale If-Range: the whole (current) copy.
      const beyond = await rangeOf(reader, path, { range: `bytes=${whole.length}-` });
      expect([beyond.status, beyond.headers.get('content-range')]).toEqual([416, `bytes */${whole.length}`]);
      const stale = await rangeOf(reader, path, { range: 'bytes=100-199', 'if-range': '"not-this-copy"' });
      expect(stale.status).toBe(200);
      expect(Buffer.compare(Buffer.from(await stale.arrayBuffer()), whole)).toBe(0);
    });

    it('refuses ranges to those who may not read, with nothing registered or logged', async () => {
      const copies = await copyRows();
      const events = await eventRows();
      for (const [who, status, code] of [
        [notNamed, 403, 'DOCUMENT_NOT_READABLE'],
        [guest, 403, 'DOCUMENT_NOT_READABLE'],
        [outsider, 404, 'MEETING_NOT_FOUND'],
      ] as const) {
        for (const range of ['bytes=0-1023', 'bytes=100-199']) {
          const res = await rangeOf(who, `${base('named', 0)}/copy.pdf`, { range });
          expect({ who: who.username, status: res.status, code: await codeIn(res) }).toEqual({
            who: who.username,
            status,
            code,
          });
        }
      }
      const secret = await rangeOf(reader, `${base('secret')}/copy.pdf`, { range: 'bytes=100-199' });
      expect([secret.status, await codeIn(secret)]).toEqual([403, 'DOCUMENT_DOWNLOAD_FORBIDDEN']);
      expect(await copyRows()).toBe(copies);
      expect(await eventRows()).toBe(events);
    });

    it("never serves one reader's cached copy to another: each gets their own code, name and bytes", async () => {
      const path = `${base('all', 0)}/copy.pdf`;
      const mine = new Uint8Array(await (await rangeOf(reader, path, {})).arrayBuffer());
      const theirs = await rangeOf(chair, path, {});
      const theirsAgain = await rangeOf(chair, path, { range: 'bytes=0-' });
      const [a, b, c] = [
        mine,
        new Uint8Array(await theirs.arrayBuffer()),
        new Uint8Array(await theirsAgain.arrayBuffer()),
      ];
      const [codeA, codeB] = [await codeOf(a), await codeOf(b)];
      expect(codeA).toHaveLength(1);
      expect(codeB).toHaveLength(1);
      expect(codeA).not.toEqual(codeB);
      expect(Buffer.compare(b, c)).toBe(0);
      const rows = await t.dataSource.query(
        "SELECT code, reader_id FROM document_copies WHERE version_id = $1 AND route = 'view' AND code = ANY($2)",
        [docs.all.versions[0], [...codeA, ...codeB]],
      );
      expect(new Map(rows.map((r: { code: string; reader_id: string }) => [r.code, r.reader_id]))).toEqual(
        new Map([
          [codeA[0], reader.id],
          [codeB[0], chair.id],
        ]),
      );
      expect((await pdfText(b, 1)).normalize('NFC')).not.toContain('Nguyễn Thị Hồng Nhung');
    });

    it('gives the same bytes from a second node that has not cached the copy (ranges of one reading fit together)', async () => {
      const path = `${base('named', 1)}/copy.pdf`;
      const first = await rangeOf(reader, path, {});
      const whole = Buffer.from(await first.arrayBuffer());
      const other = await startTestApp({ db: t.db });
      try {
        expect(other.app.get(StampedCopyCache).size).toBe(0);
        const res = await fetch(`${other.url}/api/v1${path}`, {
          headers: { authorization: `Bearer ${reader.token}`, range: 'bytes=500-' },
        });
        expect(res.status).toBe(206);
        expect(res.headers.get('etag')).toBe(first.headers.get('etag'));
        expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), whole.subarray(500))).toBe(0);
      } finally {
        await other.close();
      }
    });
  });

  it("keeps a confidential page's image for its reader: turning back is served from the cache, still checked and logged, never another reader's", async () => {
    const images = t.app.get(PageImageCache);
    const path = `${base('secret')}/pages/2.png?width=600`;
    const pageViews = () =>
      countRows(
        "SELECT count(*) AS n FROM meeting_events WHERE type = 'document.viewed' AND actor_id = $1 AND payload->>'route' = 'pages' AND payload->>'page' = '2'",
        [reader.id],
      );
    const copies = await copyRows();
    const views = await pageViews();
    const cached = images.size;
    const first = await fetchContent(t, reader, path);
    expect(images.size).toBe(cached + 1);
    const again = await fetchContent(t, reader, path);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(Buffer.compare(first.bytes, again.bytes)).toBe(0);
    expect(images.size).toBe(cached + 1); // served from the cache, not rendered again
    expect(await pageViews()).toBe(views + 2); // each view logged
    expect(await copyRows()).toBe(copies); // the reader's pages code of the earlier test, reused
    // The chair reads the same page: their own code, their own image.
    const chairs = await fetchContent(t, chair, path);
    expect(chairs.status).toBe(200);
    expect(Buffer.compare(chairs.bytes, first.bytes)).not.toBe(0);
    expect(images.size).toBe(cached + 2);
    // Access is still checked before the cache: a participant not named gets nothing.
    const refused = await fetchContent(t, notNamed, path);
    expect([refused.status, errorOf(refused)]).toEqual([403, 'DOCUMENT_NOT_READABLE']);
  });

  it('answers unknown ids as not found', async () => {
    const res = await call(
      t,
      reader,
      'GET',
      `/meetings/${meetingId}/documents/not-a-uuid/versions/${docs.named.versions[0]}/copy.pdf`,
    );
    expect([res.status, errorCode(res)]).toEqual([404, 'DOCUMENT_NOT_FOUND']);
    const version = await call(
      t,
      reader,
      'GET',
      `/meetings/${meetingId}/documents/${docs.named.documentId}/versions/00000000-0000-4000-8000-000000000000/copy.pdf`,
    );
    expect([version.status, errorCode(version)]).toEqual([404, 'DOCUMENT_VERSION_NOT_FOUND']);
  });
});
