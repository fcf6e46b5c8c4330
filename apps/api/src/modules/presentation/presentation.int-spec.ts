import type { MeetingCommandResult, MeetingEvent, Presentation } from '@phonghop/common';
import { PDFDocument } from 'pdf-lib';
import { startTestApp, TestApp } from '../../../test/test-app';
import {
  joinRoom,
  addItem,
  addParticipant,
  call,
  connect,
  createMeeting,
  emit,
  eventually,
  key,
  ok,
  Person,
  person,
  recordEvents,
  TestSocket,
  transition,
} from '../../../test/meetings-kit';

// Each test uploads PDFs through the real checks (qpdf, a worker) on a shared 2-core machine.
jest.setTimeout(180_000);

const refusedWith = (code: string) => ({ ok: false, error: expect.objectContaining({ code }) });

async function pdfOf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]).drawText(`Trang ${i + 1}`, { x: 50, y: 780 });
  return doc.save();
}

interface Uploaded {
  documentId: string;
  versionId: string;
}

/** Follow the presenter over real sockets: present, turn, stop; who may; the snapshot; the record. */
describe('follow the presenter', () => {
  let t: TestApp;
  let secretary: Person;
  let chair: Person;
  let presenter: Person;
  let delegate: Person;
  let outsider: Person;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    secretary = await person(t, 'thuky-pr');
    chair = await person(t, 'chutri-pr');
    presenter = await person(t, 'baocao-pr');
    delegate = await person(t, 'daibieu-pr');
    outsider = await person(t, 'nguoingoai-pr');
  });

  afterAll(() => t?.close());
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));

  async function socketOf(who: Person): Promise<TestSocket> {
    const s = await connect(t.url, who);
    sockets.push(s);
    return s;
  }

  async function upload(
    meetingId: string,
    pages: number,
    access: { level: 'all' | 'named' | 'confidential'; readerIds?: string[] } = { level: 'all' },
  ): Promise<Uploaded> {
    const form = new FormData();
    form.append('title', 'Dự thảo Nghị quyết');
    form.append('kind', 'draft_resolution');
    form.append('accessLevel', access.level);
    if (access.readerIds) form.append('readerIds', JSON.stringify(access.readerIds));
    form.append('file', new Blob([await pdfOf(pages)], { type: 'application/pdf' }), 'du-thao.pdf');
    const res = await fetch(`${t.url}/api/v1/meetings/${meetingId}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secretary.token}` },
      body: form,
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { document: { id: string }; version: { id: string } };
    const uploaded = { documentId: body.document.id, versionId: body.version.id };
    await eventually(async () => {
      const list = await call<{ documents: { id: string; versions: { id: string; status: string }[] }[] }>(
        t,
        secretary,
        'GET',
        `/meetings/${meetingId}/documents`,
      );
      const version = list.body?.documents
        .find((d) => d.id === uploaded.documentId)
        ?.versions.find((v) => v.id === uploaded.versionId);
      expect(version?.status).toBe('ready');
    });
    return uploaded;
  }

  /** A live meeting on an item whose presenter is `presenter`, with a 5-page PDF. */
  async function liveMeeting(withNamed = false): Promise<{
    meetingId: string;
    doc: Uploaded;
    named: Uploaded | null;
    itemIds: string[];
  }> {
    const m = await createMeeting(t, secretary);
    await addParticipant(t, secretary, m.id, chair, 'chair');
    await addParticipant(t, secretary, m.id, presenter, 'delegate');
    await addParticipant(t, secretary, m.id, delegate, 'delegate');
    const first = await addItem(t, secretary, m.id, 'Báo cáo');
    const second = await addItem(t, secretary, m.id, 'Thảo luận');
    await call(t, secretary, 'PATCH', `/meetings/${m.id}/agenda/${first.id}`, { presenterId: presenter.id });
    const doc = await upload(m.id, 5);
    // Named readers: the secretary's chosen few — not the item's presenter, not the delegate.
    const named = withNamed ? await upload(m.id, 3, { level: 'named', readerIds: [chair.id] }) : null;
    await transition(t, secretary, m.id, 'scheduled');
    await transition(t, chair, m.id, 'live');
    ok(
      await emit(await socketOf(chair), 'agenda.setCurrent', {
        meetingId: m.id,
        idempotencyKey: key(),
        itemId: first.id,
      }),
    );
    return { meetingId: m.id, doc, named, itemIds: [first.id, second.id] };
  }

  const snapshot = async (who: Person, meetingId: string) => joinRoom(t, await socketOf(who), who, meetingId);

  const presentationOf = (r: unknown) =>
    ((r as MeetingCommandResult).event.payload as { presentation: Presentation }).presentation;

  it('the presenter presents and turns pages; followers receive each turn in order; stopping clears it', async () => {
    const { meetingId, doc } = await liveMeeting();
    const follower = await socketOf(delegate);
    ok(await emit(follower, 'meeting.join', { meetingId }));
    const seen = recordEvents(follower);
    const p = await socketOf(presenter);

    const shown = presentationOf(
      ok(await emit(p, 'document.present', { meetingId, idempotencyKey: key(), ...doc, page: 1 })),
    );
    expect(shown).toMatchObject({ ...doc, page: 1, presenterId: presenter.id });
    for (const page of [2, 3, 5])
      ok(await emit(p, 'document.turnPage', { meetingId, idempotencyKey: key(), page }));

    await eventually(() => expect(seen.filter((e) => e.type.startsWith('document.'))).toHaveLength(4));
    const turns = seen.filter(
      (e): e is Extract<MeetingEvent, { type: 'document.pageTurned' }> => e.type === 'document.pageTurned',
    );
    expect(turns.map((e) => [e.payload.fromPage, e.payload.presentation.page])).toEqual([
      [1, 2],
      [2, 3],
      [3, 5],
    ]);
    expect((await snapshot(delegate, meetingId)).presentation).toMatchObject({ ...doc, page: 5 });

    const stopped = ok(await emit(p, 'document.stopPresenting', { meetingId, idempotencyKey: key() }));
    expect((stopped as MeetingCommandResult).event.payload).toEqual({ ...doc, page: 5 });
    expect((await snapshot(delegate, meetingId)).presentation).toBeNull();
  });

  it('turns sent at once (one group-commit batch) each start from the page the turn before showed', async () => {
    // A turn reads what is presented from the log; in a batch the events are appended together at
    // the end, so the batch writes the ones before a turn first (readsLog). Were it not, every turn
    // of the batch would start from the page shown before the batch.
    const { meetingId, doc } = await liveMeeting();
    const p = await socketOf(presenter);
    ok(await emit(p, 'document.present', { meetingId, idempotencyKey: key(), ...doc, page: 1 }));
    const pages = [2, 3, 4, 5, 4, 3, 2];
    const acks = await Promise.all(
      pages.map((page) => emit(p, 'document.turnPage', { meetingId, idempotencyKey: key(), page })),
    );
    const turns = acks
      .map((a) => (ok(a) as MeetingCommandResult).event)
      .sort((a, b) => a.seq - b.seq)
      .map((e) => e.payload as { fromPage: number; presentation: Presentation });
    turns.forEach((turn, i) => expect(turn.fromPage).toBe(i === 0 ? 1 : turns[i - 1].presentation.page));
    expect((await snapshot(delegate, meetingId)).presentation).toMatchObject({
      ...doc,
      page: turns[turns.length - 1].presentation.page,
    });
  });

  it('only the chair or the current item’s presenter presents; the chair takes over; others are refused', async () => {
    const { meetingId, doc, itemIds } = await liveMeeting();
    const d = await socketOf(delegate);
    const c = await socketOf(chair);
    const p = await socketOf(presenter);
    const o = await socketOf(outsider);
    expect(await emit(d, 'document.present', { meetingId, idempotencyKey: key(), ...doc })).toEqual(
      refusedWith('MEETING_ROLE_REQUIRED'),
    );
    expect(await emit(o, 'document.present', { meetingId, idempotencyKey: key(), ...doc })).toEqual(
      refusedWith('MEETING_NOT_FOUND'),
    );
    expect(await emit(c, 'document.turnPage', { meetingId, idempotencyKey: key(), page: 2 })).toEqual(
      refusedWith('PRESENTATION_NOT_ACTIVE'),
    );

    ok(await emit(p, 'document.present', { meetingId, idempotencyKey: key(), ...doc }));
    expect(await emit(d, 'document.turnPage', { meetingId, idempotencyKey: key(), page: 2 })).toEqual(
      refusedWith('MEETING_ROLE_REQUIRED'),
    );
    expect(await emit(d, 'document.stopPresenting', { meetingId, idempotencyKey: key() })).toEqual(
      refusedWith('MEETING_ROLE_REQUIRED'),
    );
    const takenOver = presentationOf(
      ok(await emit(c, 'document.turnPage', { meetingId, idempotencyKey: key(), page: 4 })),
    );
    expect(takenOver).toMatchObject({ page: 4, presenterId: chair.id });

    // The item moves on: its presenter no longer presents anew.
    ok(await emit(c, 'agenda.setCurrent', { meetingId, idempotencyKey: key(), itemId: itemIds[1] }));
    expect(await emit(p, 'document.present', { meetingId, idempotencyKey: key(), ...doc })).toEqual(
      refusedWith('MEETING_ROLE_REQUIRED'),
    );
  });

  it('refuses a document of another meeting, an unknown version and a page beyond the document', async () => {
    const { meetingId, doc } = await liveMeeting();
    const other = await liveMeeting();
    const c = await socketOf(chair);
    expect(await emit(c, 'document.present', { meetingId, idempotencyKey: key(), ...other.doc })).toEqual(
      refusedWith('DOCUMENT_NOT_FOUND'),
    );
    expect(
      await emit(c, 'document.present', {
        meetingId,
        idempotencyKey: key(),
        documentId: doc.documentId,
        versionId: other.doc.versionId,
      }),
    ).toEqual(refusedWith('DOCUMENT_VERSION_NOT_FOUND'));
    expect(await emit(c, 'document.present', { meetingId, idempotencyKey: key(), ...doc, page: 6 })).toEqual(
      refusedWith('PRESENTATION_PAGE_OUT_OF_RANGE'),
    );
    ok(await emit(c, 'document.present', { meetingId, idempotencyKey: key(), ...doc, page: 5 }));
    expect(await emit(c, 'document.turnPage', { meetingId, idempotencyKey: key(), page: 6 })).toEqual(
      refusedWith('PRESENTATION_PAGE_OUT_OF_RANGE'),
    );
    expect(await emit(c, 'document.turnPage', { meetingId, idempotencyKey: key(), page: 0 })).toEqual(
      refusedWith('VALIDATION_FAILED'),
    );
    // Nothing refused reached the log: the presentation is still page 5.
    expect((await snapshot(chair, meetingId)).presentation).toMatchObject({ page: 5 });
  });

  it('a retried turn acts once; ending the meeting ends the presentation', async () => {
    const { meetingId, doc } = await liveMeeting();
    const c = await socketOf(chair);
    ok(await emit(c, 'document.present', { meetingId, idempotencyKey: key(), ...doc }));
    const same = key();
    const first = ok(
      await emit(c, 'document.turnPage', { meetingId, idempotencyKey: same, page: 3 }),
    ) as MeetingCommandResult;
    const again = ok(
      await emit(c, 'document.turnPage', { meetingId, idempotencyKey: same, page: 3 }),
    ) as MeetingCommandResult;
    expect(again.event.seq).toBe(first.event.seq);
    expect(await emit(c, 'document.turnPage', { meetingId, idempotencyKey: same, page: 4 })).toEqual(
      refusedWith('IDEMPOTENCY_KEY_REUSED'),
    );

    await transition(t, chair, meetingId, 'ended');
    expect((await snapshot(chair, meetingId)).presentation).toBeNull();
    expect(await emit(c, 'document.turnPage', { meetingId, idempotencyKey: key(), page: 2 })).toEqual(
      refusedWith('MEETING_NOT_LIVE'),
    );
  });

  it('a follower who may not read the presented document gets the event but no page; its presenter must read it', async () => {
    const { meetingId, named: namedDoc } = await liveMeeting(true);
    const named = namedDoc!;
    const follower = await socketOf(delegate);
    ok(await emit(follower, 'meeting.join', { meetingId }));
    const seen = recordEvents(follower);
    // The item's presenter is not a named reader: they cannot show it.
    expect(
      await emit(await socketOf(presenter), 'document.present', {
        meetingId,
        idempotencyKey: key(),
        ...named,
      }),
    ).toEqual(refusedWith('DOCUMENT_NOT_READABLE'));
    ok(
      await emit(await socketOf(chair), 'document.present', {
        meetingId,
        idempotencyKey: key(),
        ...named,
        page: 2,
      }),
    );
    await eventually(() => expect(seen.map((e) => e.type)).toContain('document.presented'));

    const base = `/meetings/${meetingId}/documents/${named.documentId}/versions/${named.versionId}`;
    const copy = await call(t, delegate, 'GET', `${base}/copy.pdf`);
    expect(copy.status).toBe(403);
    const image = await call(t, delegate, 'GET', `${base}/pages/2.png`);
    expect(image.status).toBe(403);
    // The chair, a reader, gets the page.
    expect((await call(t, chair, 'GET', `${base}/copy.pdf`)).status).toBe(200);
  });
});
