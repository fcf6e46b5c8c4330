import type { DocumentNote, DocumentNotesList, MeetingEventsResponse } from '@phonghop/common';
import { randomUUID } from 'node:crypto';
import { addTestDocument } from '../../../test/document-fixtures';
import { startTestApp, TestApp } from '../../../test/test-app';
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
  settle,
  TestSocket,
} from '../../../test/meetings-kit';

/** Every socket event a client receives, by name. */
function recordAll(socket: TestSocket): { name: string; payload: unknown }[] {
  const seen: { name: string; payload: unknown }[] = [];
  socket.onAny((name: string, payload: unknown) => seen.push({ name, payload }));
  return seen;
}

/**
 * Private notes and highlights: the reader's own, on all the reader's devices, and nobody else's —
 * not another participant's, the chair's, an admin's, nor a socket in the meeting room.
 */
describe('private notes and highlights', () => {
  let t: TestApp;
  let secretary: Person;
  let chair: Person;
  let reader: Person;
  let other: Person;
  let admin: Person;
  let outsider: Person;
  let meetingId: string;
  let docId: string;
  let namedDocId: string;
  const sockets: TestSocket[] = [];
  const notesPath = (doc = docId) => `/meetings/${meetingId}/documents/${doc}/notes`;

  beforeAll(async () => {
    t = await startTestApp();
    secretary = await person(t, 'thuky');
    chair = await person(t, 'chutri');
    reader = await person(t, 'docgia');
    other = await person(t, 'daibieu');
    admin = await person(t, 'quantri', 'admin');
    outsider = await person(t, 'nguoingoai');
    meetingId = (await createMeeting(t, secretary)).id;
    await addParticipant(t, secretary, meetingId, chair, 'chair');
    await addParticipant(t, secretary, meetingId, reader, 'delegate');
    await addParticipant(t, secretary, meetingId, other, 'delegate');
    docId = (await addTestDocument(t, { meetingId, uploaderId: secretary.id, title: 'Dự thảo nghị quyết' }))
      .id;
    namedDocId = (
      await addTestDocument(t, {
        meetingId,
        uploaderId: secretary.id,
        title: 'Báo cáo nhân sự',
        accessLevel: 'named',
        readerIds: [other.id],
      })
    ).id;
  });

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t.close();
  });

  async function socketOf(who: Person, joinRoom: boolean): Promise<TestSocket> {
    const s = await connect(t.url, who);
    sockets.push(s);
    if (joinRoom) ok(await emit(s, 'meeting.join', { meetingId }));
    return s;
  }

  it('reach the reader’s other device live, and no one else', async () => {
    const device1 = await socketOf(reader, true);
    const device2 = await socketOf(reader, false);
    const watchers = await Promise.all([
      socketOf(other, true),
      socketOf(chair, true),
      socketOf(secretary, true),
      socketOf(admin, true),
    ]);
    const seenByDevice2 = recordAll(device2);
    const seenByOthers = watchers.map(recordAll);

    const note = expectStatus(
      await call<DocumentNote>(t, reader, 'POST', notesPath(), {
        id: randomUUID(),
        kind: 'note',
        page: 2,
        body: 'Cần làm rõ thẩm quyền ở điều 3',
      }),
      201,
    );
    const highlight = expectStatus(
      await call<DocumentNote>(t, reader, 'POST', notesPath(), {
        id: randomUUID(),
        kind: 'highlight',
        page: 2,
        rects: [
          { x: 0.1, y: 0.2, w: 0.6, h: 0.02 },
          { x: 0.1, y: 0.225, w: 0.3, h: 0.02 },
        ],
        color: 'yellow',
        quote: 'Ủy ban nhân dân phường',
      }),
      201,
    );
    expect(highlight).toMatchObject({ kind: 'highlight', color: 'yellow', quote: 'Ủy ban nhân dân phường' });

    await eventually(() =>
      expect(seenByDevice2.filter((e) => e.name === 'documentNote.saved').map((e) => e.payload)).toEqual([
        { meetingId, note },
        { meetingId, note: highlight },
      ]),
    );

    const edited = expectStatus(
      await call<DocumentNote>(t, reader, 'PATCH', `${notesPath()}/${note.id}`, { body: 'Đã hỏi thư ký' }),
      200,
    );
    expect(edited.body).toBe('Đã hỏi thư ký');
    expectStatus(await call(t, reader, 'DELETE', `${notesPath()}/${highlight.id}`), 204);
    await eventually(() => {
      expect(
        seenByDevice2.some(
          (e) => e.name === 'documentNote.saved' && JSON.stringify(e.payload).includes('Đã hỏi'),
        ),
      ).toBe(true);
      expect(seenByDevice2).toContainEqual({
        name: 'documentNote.deleted',
        payload: { meetingId, documentId: docId, noteId: highlight.id },
      });
    });

    // Nothing reached another participant, the chair, the secretary or an admin — not even on the
    // meeting channel (a note is not an event).
    await Promise.all(watchers.map((s) => settle(t, s)));
    await settle(t, device1);
    for (const seen of seenByOthers) {
      expect(seen.filter((e) => e.name.startsWith('documentNote.') || e.name === 'meeting.event')).toEqual(
        [],
      );
    }
    const list = expectStatus(await call<DocumentNotesList>(t, reader, 'GET', notesPath()), 200);
    expect(list.notes.map((n) => [n.page, n.kind, n.body])).toEqual([[2, 'note', 'Đã hỏi thư ký']]);
  });

  it('are never returned to anyone else, and never on the meeting log', async () => {
    const mine = expectStatus(await call<DocumentNotesList>(t, reader, 'GET', notesPath()), 200).notes;
    expect(mine.length).toBeGreaterThan(0);
    for (const who of [other, chair, secretary, admin]) {
      const seen = expectStatus(await call<DocumentNotesList>(t, who, 'GET', notesPath()), 200);
      expect(seen.notes).toEqual([]);
      const patch = await call(t, who, 'PATCH', `${notesPath()}/${mine[0].id}`, { body: 'sửa trộm' });
      expect([patch.status, errorCode(patch)]).toEqual([404, 'NOTE_NOT_FOUND']);
      const del = await call(t, who, 'DELETE', `${notesPath()}/${mine[0].id}`);
      expect([del.status, errorCode(del)]).toEqual([404, 'NOTE_NOT_FOUND']);
    }
    // Someone else cannot take over the id either.
    const steal = await call(t, other, 'POST', notesPath(), {
      id: mine[0].id,
      kind: 'note',
      page: 1,
      body: 'x',
    });
    expect([steal.status, errorCode(steal)]).toEqual([409, 'CONFLICT']);
    expect(expectStatus(await call<DocumentNotesList>(t, reader, 'GET', notesPath()), 200).notes).toEqual(
      mine,
    );

    const log = expectStatus(
      await call<MeetingEventsResponse>(t, secretary, 'GET', `/meetings/${meetingId}/events`),
      200,
    );
    expect(JSON.stringify(log.events)).not.toContain('Đã hỏi thư ký');
    expect(log.events.map((e) => e.type).filter((type) => type.toLowerCase().includes('note'))).toEqual([]);
  });

  it('answer a retried create with the same note, and refuse other content under its id', async () => {
    const body = { id: randomUUID(), kind: 'note', page: 1, body: 'Ghi chú gửi lại' };
    const first = expectStatus(await call<DocumentNote>(t, reader, 'POST', notesPath(), body), 201);
    const again = expectStatus(await call<DocumentNote>(t, reader, 'POST', notesPath(), body), 200);
    expect(again).toEqual(first);
    const clash = await call(t, reader, 'POST', notesPath(), { ...body, body: 'Khác' });
    expect([clash.status, errorCode(clash)]).toEqual([409, 'CONFLICT']);
  });

  it('follow the document’s access level and the meeting’s participants', async () => {
    const refused = await call(t, reader, 'GET', notesPath(namedDocId));
    expect([refused.status, errorCode(refused)]).toEqual([403, 'DOCUMENT_NOT_READABLE']);
    const post = await call(t, reader, 'POST', notesPath(namedDocId), {
      id: randomUUID(),
      kind: 'note',
      page: 1,
      body: 'Không được',
    });
    expect([post.status, errorCode(post)]).toEqual([403, 'DOCUMENT_NOT_READABLE']);
    // The named reader may.
    expectStatus(
      await call(t, other, 'POST', notesPath(namedDocId), {
        id: randomUUID(),
        kind: 'note',
        page: 1,
        body: 'Được',
      }),
      201,
    );
    const stranger = await call(t, outsider, 'GET', notesPath());
    expect([stranger.status, errorCode(stranger)]).toEqual([404, 'MEETING_NOT_FOUND']);
    const noDoc = await call(t, reader, 'GET', notesPath(randomUUID()));
    expect([noDoc.status, errorCode(noDoc)]).toEqual([404, 'DOCUMENT_NOT_FOUND']);
  });

  it('refuse rectangles outside the page and highlight fields on a note', async () => {
    const outside = await call(t, reader, 'POST', notesPath(), {
      id: randomUUID(),
      kind: 'highlight',
      page: 1,
      rects: [{ x: 0.8, y: 0.1, w: 0.5, h: 0.1 }],
      color: 'green',
    });
    expect([outside.status, errorCode(outside)]).toEqual([400, 'VALIDATION_FAILED']);
    const mixed = await call(t, reader, 'POST', notesPath(), {
      id: randomUUID(),
      kind: 'note',
      page: 1,
      body: 'x',
      color: 'green',
    });
    expect([mixed.status, errorCode(mixed)]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
