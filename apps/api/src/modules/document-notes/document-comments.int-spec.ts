import type {
  DocumentComment,
  DocumentCommentsList,
  MeetingEvent,
  MeetingEventsResponse,
  MeetingJoinResult,
} from '@phonghop/common';
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addTestDocument } from '../../../test/document-fixtures';
import { startTestApp, TestApp } from '../../../test/test-app';
import { TestClock } from '../../../test/test-clock';
import {
  addParticipant,
  call,
  connect,
  createMeeting,
  emit,
  errorCode,
  eventually,
  expectStatus,
  ok,
  Person,
  person,
  recordEvents,
  TestSocket,
} from '../../../test/meetings-kit';

// The secretary asks for comments until 17:00 on 10 December 2026 (Vietnam time); the server's
// clock is set before and after it.
const DEADLINE = '2026-12-10T17:00:00+07:00';
const BEFORE = '2026-12-10T16:59:00+07:00';

/** Reads a PDF's text with poppler's pdftotext (Debian's poppler-utils). */
function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'comments-export-'));
  try {
    const file = path.join(dir, 'export.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Comments on drafts (góp ý dự thảo): commands on the meeting log, until the deadline by the server's clock. */
describe('comments on drafts', () => {
  const clock = new TestClock(BEFORE);
  let t: TestApp;
  let secretary: Person;
  let chair: Person;
  let delegate: Person;
  let other: Person;
  let guest: Person;
  let admin: Person;
  let meetingId: string;
  let docId: string;
  let namedDocId: string;
  let noDeadlineDocId: string;
  const sockets: TestSocket[] = [];
  const commentsPath = (doc = docId) => `/meetings/${meetingId}/documents/${doc}/comments`;
  const comment = (who: Person, body: object, doc = docId, headers: Record<string, string> = {}) =>
    call<DocumentComment>(t, who, 'POST', commentsPath(doc), body, headers);

  beforeAll(async () => {
    t = await startTestApp({ clock });
    secretary = await person(t, 'thuky');
    chair = await person(t, 'chutri');
    delegate = await person(t, 'daibieu');
    other = await person(t, 'daibieukhac');
    guest = await person(t, 'khachmoi');
    admin = await person(t, 'quantri', 'admin');
    meetingId = (await createMeeting(t, secretary, { title: 'Kỳ họp thứ Mười hai' })).id;
    await addParticipant(t, secretary, meetingId, chair, 'chair');
    await addParticipant(t, secretary, meetingId, delegate, 'delegate');
    await addParticipant(t, secretary, meetingId, other, 'delegate');
    await addParticipant(t, secretary, meetingId, guest, 'guest');
    const base = { meetingId, uploaderId: secretary.id };
    docId = (
      await addTestDocument(t, { ...base, title: 'Dự thảo Nghị quyết về đô thị', commentDeadline: DEADLINE })
    ).id;
    namedDocId = (
      await addTestDocument(t, {
        ...base,
        title: 'Dự thảo phương án nhân sự',
        accessLevel: 'named',
        readerIds: [other.id],
        commentDeadline: DEADLINE,
      })
    ).id;
    noDeadlineDocId = (await addTestDocument(t, { ...base, title: 'Tài liệu tham khảo' })).id;
  });

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t.close();
  });

  it('are logged with the text’s hash, not the text, and counted in the snapshot', async () => {
    clock.setTo(BEFORE);
    const room = await connect(t.url, other);
    sockets.push(room);
    ok(await emit(room, 'meeting.join', { meetingId }));
    const seen = recordEvents(room);

    const body = 'Đề nghị bổ sung quy định về quản lý trật tự xây dựng ở khu đô thị mới Định Trung.';
    const made = expectStatus(await comment(delegate, { body, page: 2 }), 201);
    expect(made).toMatchObject({ page: 2, body, authorId: delegate.id, authorName: 'Đồng chí daibieu' });
    expectStatus(await comment(guest, { body: 'Khách mời góp ý toàn văn.' }), 201);

    await eventually(() =>
      expect(seen.map((e) => e.type)).toEqual(['document.commented', 'document.commented']),
    );
    const event = seen[0] as Extract<MeetingEvent, { type: 'document.commented' }>;
    expect(event.payload.comment).toEqual({
      id: made.id,
      documentId: docId,
      page: 2,
      authorId: delegate.id,
      createdAt: made.createdAt,
      bodySha256: createHash('sha256').update(body, 'utf8').digest('hex'),
    });
    const log = expectStatus(
      await call<MeetingEventsResponse>(t, other, 'GET', `/meetings/${meetingId}/events`),
      200,
    );
    expect(JSON.stringify(log.events)).not.toContain('Định Trung');

    const join = ok(await emit(room, 'meeting.join', { meetingId })) as MeetingJoinResult;
    expect(join.kind === 'snapshot' && join.snapshot.documentComments).toEqual([
      { documentId: docId, count: 2 },
    ]);
  });

  it('are seen whole by the chair, the secretary and admins; each other participant sees their own', async () => {
    const list = async (who: Person) =>
      expectStatus(await call<DocumentCommentsList>(t, who, 'GET', commentsPath()), 200);
    for (const who of [chair, secretary, admin]) {
      const all = await list(who);
      expect(all.scope).toBe('all');
      expect(all.comments.map((c) => c.authorId)).toEqual([delegate.id, guest.id]);
    }
    const own = await list(delegate);
    expect(own).toMatchObject({ scope: 'own', deadline: new Date(DEADLINE).toISOString(), open: true });
    expect(own.comments.map((c) => c.authorId)).toEqual([delegate.id]);
    expect((await list(other)).comments).toEqual([]);
  });

  it('are refused after the deadline, by the server’s clock, with a code that says so', async () => {
    clock.setTo(BEFORE);
    const mine = expectStatus(await comment(delegate, { body: 'Góp ý sẽ rút lại.' }), 201);
    const withdrawn = expectStatus(
      await call<DocumentComment>(t, delegate, 'POST', `${commentsPath()}/${mine.id}/withdraw`),
      200,
    );
    expect(withdrawn.withdrawnAt).not.toBeNull();
    const twice = await call(t, delegate, 'POST', `${commentsPath()}/${mine.id}/withdraw`);
    expect(errorCode(twice)).toBe('COMMENT_WITHDRAWN');
    const notMine = await call(t, other, 'POST', `${commentsPath()}/${mine.id}/withdraw`);
    expect([notMine.status, errorCode(notMine)]).toEqual([404, 'COMMENT_NOT_FOUND']);

    const kept = expectStatus(await comment(delegate, { body: 'Góp ý cuối cùng.' }), 201);
    clock.setTo(DEADLINE);
    const late = await comment(delegate, { body: 'Góp ý trễ hạn.' });
    expect([late.status, errorCode(late)]).toEqual([409, 'COMMENT_DEADLINE_PASSED']);
    const lateWithdraw = await call(t, delegate, 'POST', `${commentsPath()}/${kept.id}/withdraw`);
    expect(errorCode(lateWithdraw)).toBe('COMMENT_DEADLINE_PASSED');
    const state = expectStatus(await call<DocumentCommentsList>(t, delegate, 'GET', commentsPath()), 200);
    expect(state.open).toBe(false);
    expect(state.comments.some((c) => c.body === 'Góp ý trễ hạn.')).toBe(false);
    clock.setTo(BEFORE);
  });

  it('need the document readable, a deadline, and act once per idempotency key', async () => {
    const unreadable = await comment(delegate, { body: 'Không có quyền đọc.' }, namedDocId);
    expect([unreadable.status, errorCode(unreadable)]).toEqual([403, 'DOCUMENT_NOT_READABLE']);
    expectStatus(await comment(other, { body: 'Người được chỉ định góp ý.' }, namedDocId), 201);
    const notAsked = await comment(delegate, { body: 'Không lấy ý kiến.' }, noDeadlineDocId);
    expect([notAsked.status, errorCode(notAsked)]).toEqual([409, 'COMMENTS_NOT_REQUESTED']);
    const adminOutsider = await comment(admin, { body: 'Quản trị không phải thành phần.' });
    expect([adminOutsider.status, errorCode(adminOutsider)]).toEqual([403, 'NOT_A_PARTICIPANT']);

    const headers = { 'idempotency-key': randomUUID() };
    const first = expectStatus(await comment(delegate, { body: 'Gửi một lần.' }, docId, headers), 201);
    const retry = expectStatus(await comment(delegate, { body: 'Gửi một lần.' }, docId, headers), 201);
    expect(retry).toEqual(first);
    const all = expectStatus(await call<DocumentCommentsList>(t, secretary, 'GET', commentsPath()), 200);
    expect(all.comments.filter((c) => c.body === 'Gửi một lần.')).toHaveLength(1);
  });

  it('export as a PDF whose text reads back with its Vietnamese diacritics', async () => {
    const res = await fetch(`${t.url}/api/v1${commentsPath()}/export`, {
      headers: { authorization: `Bearer ${secretary.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''T%E1%BB%95ng%20h%E1%BB%A3p");
    const text = pdfText(Buffer.from(await res.arrayBuffer())).normalize('NFC');
    expect(text).toContain('TỔNG HỢP Ý KIẾN GÓP Ý');
    expect(text).toContain('Dự thảo Nghị quyết về đô thị');
    expect(text).toContain('Kỳ họp thứ Mười hai');
    expect(text).toContain('Đồng chí daibieu — Trang 2');
    expect(text).toContain('Đề nghị bổ sung quy định về quản lý trật tự xây dựng');
    expect(text).toContain('Khách mời góp ý toàn văn.');
    expect(text).toContain('(không tính 1 ý kiến đã rút)');
    expect(text).not.toContain('Góp ý sẽ rút lại.');

    const byDelegate = await call(t, delegate, 'GET', `${commentsPath()}/export`);
    expect([byDelegate.status, errorCode(byDelegate)]).toEqual([403, 'MEETING_ROLE_REQUIRED']);
  });
});
