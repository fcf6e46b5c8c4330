import type {
  MeetingDetail,
  MeetingDocument,
  MeetingEventsResponse,
  MeetingSnapshot,
} from '@phonghop/common';
import { applyMeetingEvent } from '@phonghop/common';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { startTestApp, TestApp } from '../../../test/test-app';
import { pdfText, plainPdf, upload } from '../../../test/documents-kit';
import {
  addItem,
  addParticipant,
  call,
  connect,
  createMeeting,
  emit,
  errorCode,
  eventually,
  expectStatus,
  key,
  ok,
  Person,
  person,
  recordEvents,
} from '../../../test/meetings-kit';
import { DocumentAccessService } from './document-access.service';
import { DocumentStorageService } from './document-storage.service';

const VIETNAMESE =
  'Nghị quyết về phát triển kinh tế – xã hội phường Vĩnh Phúc năm 2027: Định Trung, Liên Bảo, Khai Quang, Đống Đa, Ngô Quyền';

async function vietnameseDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: 'DỰ THẢO NGHỊ QUYẾT', bold: true })] }),
          new Paragraph({ children: [new TextRun(VIETNAMESE)] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe('documents: versions, metadata on the log, Office conversion, access levels, two nodes', () => {
  let t: TestApp;
  let other: TestApp;
  let secretary: Person;
  let chair: Person;
  let delegate: Person;
  let named: Person;
  let guest: Person;
  let outsider: Person;
  let meetingId: string;
  let otherMeetingId: string;
  let seq0: number;
  let snapshot0: MeetingDetail;

  beforeAll(async () => {
    t = await startTestApp();
    // A second API node on the same database (no shared disk): it must read what the first stored.
    other = await startTestApp({ db: t.db });
    [secretary, chair, delegate, named, guest, outsider] = await Promise.all([
      person(t, 'thuky-vb'),
      person(t, 'chutri-vb'),
      person(t, 'daibieu-vb'),
      person(t, 'daibieu-duoc-doc'),
      person(t, 'khach-vb'),
      person(t, 'nguoi-ngoai-vb'),
    ]);
    meetingId = (await createMeeting(t, secretary)).id;
    await addParticipant(t, secretary, meetingId, chair, 'chair');
    await addParticipant(t, secretary, meetingId, delegate, 'delegate');
    await addParticipant(t, secretary, meetingId, named, 'delegate');
    await addParticipant(t, secretary, meetingId, guest, 'guest');
    otherMeetingId = (await createMeeting(t, secretary, { title: 'Họp khác' })).id;
    await addParticipant(t, secretary, otherMeetingId, outsider, 'delegate');
    snapshot0 = expectStatus(await call<MeetingDetail>(t, secretary, 'GET', `/meetings/${meetingId}`), 200);
    seq0 = snapshot0.seq;
  });
  afterAll(async () => {
    await other.close();
    await t.close();
  });

  const detail = async (who: Person = secretary, app: TestApp = t) =>
    expectStatus(await call<MeetingDetail>(app, who, 'GET', `/meetings/${meetingId}`), 200);
  const docOf = async (id: string) => (await detail()).documents.find((d) => d.id === id);

  it('converts a .docx with Vietnamese text to PDF: converting, then ready, the text read back with its diacritics', async () => {
    const bytes = await vietnameseDocx();
    const res = expectStatus(
      await upload(
        t,
        secretary,
        meetingId,
        { name: 'Dự thảo nghị quyết.docx', bytes },
        { kind: 'draft_resolution' },
      ),
      201,
    );
    expect(res.version).toMatchObject({
      status: 'converting',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      originalName: 'Dự thảo nghị quyết.docx',
    });
    await eventually(async () => {
      expect((await docOf(res.document.id))?.versions[0].status).toBe('ready');
    }, 240_000);
    const version = (await docOf(res.document.id))!.versions[0];
    expect(version.pageCount).toBeGreaterThanOrEqual(1);
    const pdf = await other.app.get(DocumentStorageService).readReadingPdf(version.id);
    const text = pdfText(pdf).normalize('NFC').replace(/\s+/g, ' ');
    expect(text).toContain('DỰ THẢO NGHỊ QUYẾT');
    expect(text).toContain('phường Vĩnh Phúc năm 2027');
    expect(text).toContain('Đống Đa, Ngô Quyền');
    // The outcome is on the log, made by the system (no person).
    const log = expectStatus(
      await call<MeetingEventsResponse>(
        t,
        secretary,
        'GET',
        `/meetings/${meetingId}/events?sinceSeq=${res.seq}`,
      ),
      200,
    );
    const changed = log.events.find((e) => e.type === 'document.statusChanged');
    expect(changed).toMatchObject({ actorId: null, payload: { versionId: version.id, status: 'ready' } });
  }, 300_000);

  it('broadcasts document events to the room and the snapshot a socket joins carries the documents', async () => {
    const socket = await connect(t.url, delegate);
    try {
      const joined = ok(await emit(socket, 'meeting.join', { meetingId }));
      expect(joined.kind).toBe('snapshot');
      const seen = recordEvents(socket);
      const res = expectStatus(
        await upload(t, secretary, meetingId, { name: 'phat.pdf', bytes: await plainPdf(1, 'Phat') }),
        201,
      );
      await eventually(() => expect(seen.map((e) => e.type)).toContain('document.added'));
      expect(seen.find((e) => e.type === 'document.added')?.payload).toEqual({ document: res.document });
      const rejoined = ok(await emit(socket, 'meeting.join', { meetingId }));
      if (rejoined.kind !== 'snapshot') throw new Error('expected a snapshot');
      expect(rejoined.snapshot.documents.map((d) => d.id)).toContain(res.document.id);
    } finally {
      socket.close();
    }
  });

  it('refuses an Office file with a clear error when LibreOffice is missing, leaving nothing behind', async () => {
    const bare = await startTestApp({ db: t.db, env: { SOFFICE_PATH: '/nonexistent/soffice' } });
    try {
      const before = (await detail()).seq;
      const res = await upload(bare, secretary, meetingId, {
        name: 'bao-cao.docx',
        bytes: await vietnameseDocx(),
      });
      expect({ status: res.status, code: errorCode(res) }).toEqual({
        status: 503,
        code: 'DOCUMENT_CONVERTER_MISSING',
      });
      expect((res.body as unknown as { error: { message: string } }).error.message).toContain(
        'libreoffice-writer-nogui',
      );
      expect((await detail()).seq).toBe(before);
    } finally {
      await bare.close();
    }
  });

  it('keeps old versions and makes the newest current; uploads through one node, reads through the other', async () => {
    const v1 = await plainPdf(1, 'Ban 1');
    const first = expectStatus(
      await upload(t, secretary, meetingId, { name: 'bao-cao-v1.pdf', bytes: v1 }),
      201,
    );
    const v2 = await plainPdf(2, 'Ban 2');
    const second = expectStatus(
      await upload(other, chair, meetingId, { name: 'bao-cao-v2.pdf', bytes: v2 }, {}, first.document.id),
      201,
    );
    expect(second.version.number).toBe(2);
    expect(second.document.currentVersionId).toBe(second.version.id);
    expect(second.document.versions.map((v) => v.number)).toEqual([1, 2]);
    // Node A reads what node B stored, and B what A stored.
    const fromA = await t.app.get(DocumentStorageService).readBlob(second.version.sha256);
    expect(Buffer.compare(fromA, Buffer.from(v2))).toBe(0);
    const fromB = await other.app.get(DocumentStorageService).readBlob(first.version.sha256);
    expect(Buffer.compare(fromB, Buffer.from(v1))).toBe(0);
    expect(
      (await detail(delegate, other)).documents.find((d) => d.id === first.document.id)?.currentVersionId,
    ).toBe(second.version.id);
  });

  it('acts once for a retried upload with the same Idempotency-Key', async () => {
    const idempotencyKey = key();
    const bytes = await plainPdf(1, 'Lap lai');
    const a = expectStatus(
      await upload(t, secretary, meetingId, { name: 'lap.pdf', bytes }, { idempotencyKey }),
      201,
    );
    const b = expectStatus(
      await upload(other, secretary, meetingId, { name: 'lap.pdf', bytes }, { idempotencyKey }),
      201,
    );
    expect(b).toEqual(a);
    expect(
      (await detail()).documents.filter((d) => d.title === a.document.title && d.id === a.document.id),
    ).toHaveLength(1);
  });

  describe('access levels', () => {
    let open: MeetingDocument;
    let namedDoc: MeetingDocument;
    let secret: MeetingDocument;

    beforeAll(async () => {
      open = expectStatus(
        await upload(t, secretary, meetingId, { name: 'chung.pdf', bytes: await plainPdf(1, 'Chung') }),
        201,
      ).document;
      namedDoc = expectStatus(
        await upload(
          t,
          secretary,
          meetingId,
          { name: 'chi-dinh.pdf', bytes: await plainPdf(1, 'Chi dinh') },
          { accessLevel: 'named', readerIds: [named.id] },
        ),
        201,
      ).document;
      secret = expectStatus(
        await upload(
          t,
          secretary,
          meetingId,
          { name: 'mat.pdf', bytes: await plainPdf(1, 'Mat') },
          { accessLevel: 'confidential', readerIds: [named.id, guest.id] },
        ),
        201,
      ).document;
    });

    const read = (who: Person, doc: MeetingDocument, meeting = meetingId) =>
      t.app
        .get(DocumentAccessService)
        .openForReading({ id: who.id, sessionId: sessionOf(who), systemRole: 'member' }, meeting, doc.id)
        .then(
          (r) => (r.canDownload ? 'download' : 'read'),
          (err: { code?: string }) => err.code,
        );

    it.each([
      ['the chair', () => chair, 'download', 'download', 'read'],
      ['the secretary', () => secretary, 'download', 'download', 'read'],
      ['a delegate not named', () => delegate, 'download', 'DOCUMENT_NOT_READABLE', 'DOCUMENT_NOT_READABLE'],
      ['a named delegate', () => named, 'download', 'download', 'read'],
      [
        'a guest named for the confidential one only',
        () => guest,
        'download',
        'DOCUMENT_NOT_READABLE',
        'read',
      ],
      [
        'a participant of another meeting',
        () => outsider,
        'MEETING_NOT_FOUND',
        'MEETING_NOT_FOUND',
        'MEETING_NOT_FOUND',
      ],
    ])('%s', async (_label, who, all, namedLevel, confidential) => {
      expect([await read(who(), open), await read(who(), namedDoc), await read(who(), secret)]).toEqual([
        all,
        namedLevel,
        confidential,
      ]);
    });

    it('answers DOCUMENT_NOT_FOUND for a document of another meeting, asked through a meeting one belongs to', async () => {
      const foreign = expectStatus(
        await upload(t, secretary, otherMeetingId, { name: 'khac.pdf', bytes: await plainPdf(1, 'Khac') }),
        201,
      ).document;
      expect(await read(delegate, foreign)).toBe('DOCUMENT_NOT_FOUND');
      expect(await read(outsider, foreign, otherMeetingId)).toBe('download');
    });

    it('refuses named readers who are not participants', async () => {
      const res = await upload(
        t,
        secretary,
        meetingId,
        { name: 'x.pdf', bytes: await plainPdf(1, 'X') },
        { accessLevel: 'named', readerIds: [outsider.id] },
      );
      expect(errorCode(res)).toBe('DOCUMENT_READER_INVALID');
    });

    it('changes the access level on the log; the change acts on the next read', async () => {
      expect(await read(delegate, namedDoc)).toBe('DOCUMENT_NOT_READABLE');
      const changed = expectStatus(
        await call<MeetingDocument>(
          t,
          secretary,
          'PATCH',
          `/meetings/${meetingId}/documents/${namedDoc.id}`,
          {
            readerIds: [named.id, delegate.id],
            title: 'Báo cáo chỉ định (sửa)',
          },
        ),
        200,
      );
      expect(changed.readerIds).toEqual([named.id, delegate.id]);
      expect(await read(delegate, namedDoc)).toBe('download');
      const opened = expectStatus(
        await call<MeetingDocument>(
          t,
          secretary,
          'PATCH',
          `/meetings/${meetingId}/documents/${namedDoc.id}`,
          {
            accessLevel: 'all',
          },
        ),
        200,
      );
      expect(opened.readerIds).toEqual([]);
    });

    it('lets only the secretary or the chair change or remove a document', async () => {
      const res = await call(t, delegate, 'PATCH', `/meetings/${meetingId}/documents/${open.id}`, {
        title: 'Đổi',
      });
      expect(errorCode(res)).toBe('MEETING_ROLE_REQUIRED');
      expect(errorCode(await call(t, guest, 'DELETE', `/meetings/${meetingId}/documents/${open.id}`))).toBe(
        'MEETING_ROLE_REQUIRED',
      );
      expect(
        errorCode(await call(t, outsider, 'DELETE', `/meetings/${meetingId}/documents/${open.id}`)),
      ).toBe('MEETING_NOT_FOUND');
      expectStatus(await call(t, chair, 'DELETE', `/meetings/${meetingId}/documents/${open.id}`), 204);
      expect(await read(secretary, open)).toBe('DOCUMENT_NOT_FOUND');
      expect((await detail()).documents.map((d) => d.id)).not.toContain(open.id);
    });
  });

  it('puts documents on an agenda item; removing the item keeps them as documents of the meeting', async () => {
    const item = await addItem(t, secretary, meetingId, 'Thông qua dự thảo');
    const doc = expectStatus(
      await upload(
        t,
        secretary,
        meetingId,
        { name: 'muc.pdf', bytes: await plainPdf(1, 'Muc') },
        { agendaItemId: item.id },
      ),
      201,
    ).document;
    expect(doc.agendaItemId).toBe(item.id);
    expectStatus(await call(t, secretary, 'DELETE', `/meetings/${meetingId}/agenda/${item.id}`), 204);
    expect((await docOf(doc.id))?.agendaItemId).toBeNull();
  });

  it('leaves the snapshot the reducer builds from the log equal to the server’s', async () => {
    const log = expectStatus(
      await call<MeetingEventsResponse>(
        t,
        secretary,
        'GET',
        `/meetings/${meetingId}/events?sinceSeq=${seq0}`,
      ),
      200,
    );
    let state: MeetingSnapshot = { ...snapshot0, online: [], onlineCount: 0 };
    for (const e of log.events) state = applyMeetingEvent(state, e);
    const server = await detail();
    expect(state.seq).toBe(server.seq);
    expect(state.documents).toEqual(server.documents);
    // The list route answers the same slice; an outsider gets nothing.
    const listed = expectStatus(
      await call<{ documents: MeetingDocument[] }>(t, guest, 'GET', `/meetings/${meetingId}/documents`),
      200,
    );
    expect(listed.documents).toEqual(server.documents);
    expect(errorCode(await call(t, outsider, 'GET', `/meetings/${meetingId}/documents`))).toBe(
      'MEETING_NOT_FOUND',
    );
  });
});

/** The session id inside a test person's access token (the access check reads it from the database). */
function sessionOf(who: Person): string {
  const payload = JSON.parse(Buffer.from(who.token.split('.')[1], 'base64url').toString('utf8')) as {
    sid?: string;
  };
  if (!payload.sid) throw new Error('no session id in the token');
  return payload.sid;
}
