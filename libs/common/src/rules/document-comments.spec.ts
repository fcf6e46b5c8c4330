import type { MeetingActor } from './meeting-lifecycle';
import type { MeetingStatus } from '../schemas/meetings';
import type { MeetingEvent, MeetingSnapshot } from '../schemas/meeting-events';
import { applyMeetingEvent } from './event-stream';
import { canSeeAllComments, checkComment, checkWithdrawComment, commentsOpen } from './document-comments';
import {
  CreateDocumentNoteSchema,
  NoteRectSchema,
  UpdateDocumentNoteSchema,
} from '../schemas/document-notes';

const delegate: MeetingActor = { systemRole: 'member', meetingRole: 'delegate' };
const guest: MeetingActor = { systemRole: 'member', meetingRole: 'guest' };
const outsiderAdmin: MeetingActor = { systemRole: 'admin', meetingRole: null };
// Deadline 17:00 on 10 December 2026, Vietnam time.
const DEADLINE = new Date('2026-12-10T17:00:00+07:00');
const before = new Date('2026-12-10T16:59:59.999+07:00');
const at = new Date('2026-12-10T17:00:00+07:00');
const after = new Date('2026-12-11T00:01:00+07:00');

describe('commentsOpen', () => {
  it.each<[MeetingStatus, Date | null, Date, string]>([
    ['scheduled', DEADLINE, before, 'ok'],
    ['scheduled', DEADLINE, at, 'COMMENT_DEADLINE_PASSED'],
    ['scheduled', DEADLINE, after, 'COMMENT_DEADLINE_PASSED'],
    ['draft', DEADLINE, before, 'ok'],
    ['live', DEADLINE, before, 'ok'],
    ['live', null, before, 'COMMENTS_NOT_REQUESTED'],
    ['ended', DEADLINE, before, 'COMMENTS_CLOSED'],
    ['closed', DEADLINE, before, 'COMMENTS_CLOSED'],
    ['archived', DEADLINE, before, 'COMMENTS_CLOSED'],
  ])('%s, deadline %s, at %s → %s', (status, deadline, now, expected) => {
    const r = commentsOpen(status, deadline, now);
    expect(r.ok ? 'ok' : r.code).toBe(expected);
  });
});

describe('checkComment', () => {
  it('lets participants of any role comment before the deadline, guests too', () => {
    expect(checkComment('scheduled', delegate, DEADLINE, before)).toEqual({ ok: true });
    expect(checkComment('scheduled', guest, DEADLINE, before)).toEqual({ ok: true });
  });
  it('refuses an admin who is not a participant', () => {
    expect(checkComment('scheduled', outsiderAdmin, DEADLINE, before)).toEqual({
      ok: false,
      code: 'NOT_A_PARTICIPANT',
    });
  });
  it('refuses after the deadline', () => {
    expect(checkComment('live', delegate, DEADLINE, after)).toEqual({
      ok: false,
      code: 'COMMENT_DEADLINE_PASSED',
    });
  });
});

describe('checkWithdrawComment', () => {
  const me = { ...delegate, userId: 'a' };
  it('lets the author withdraw before the deadline', () => {
    expect(
      checkWithdrawComment('scheduled', me, { authorId: 'a', withdrawnAt: null }, DEADLINE, before),
    ).toEqual({
      ok: true,
    });
  });
  it('hides comments of others, refuses twice and after the deadline', () => {
    const code = (r: { ok: boolean; code?: string }) => r.code;
    expect(
      code(checkWithdrawComment('scheduled', me, { authorId: 'b', withdrawnAt: null }, DEADLINE, before)),
    ).toBe('COMMENT_NOT_FOUND');
    expect(
      code(
        checkWithdrawComment(
          'scheduled',
          me,
          { authorId: 'a', withdrawnAt: at.toISOString() },
          DEADLINE,
          before,
        ),
      ),
    ).toBe('COMMENT_WITHDRAWN');
    expect(
      code(checkWithdrawComment('scheduled', me, { authorId: 'a', withdrawnAt: null }, DEADLINE, at)),
    ).toBe('COMMENT_DEADLINE_PASSED');
  });
});

describe('canSeeAllComments', () => {
  it.each<[MeetingActor, boolean]>([
    [{ systemRole: 'member', meetingRole: 'chair' }, true],
    [{ systemRole: 'member', meetingRole: 'secretary' }, true],
    [outsiderAdmin, true],
    [delegate, false],
    [guest, false],
  ])('%j → %s', (actor, expected) => expect(canSeeAllComments(actor)).toBe(expected));
});

describe('note schemas', () => {
  const id = '6f1c1c7e-6a43-4a55-9a57-3c1f0f6d2b10';
  it('takes a note with text and a highlight with rects and a colour', () => {
    expect(
      CreateDocumentNoteSchema.safeParse({ id, kind: 'note', page: 1, body: 'Cần làm rõ điều 3' }).success,
    ).toBe(true);
    const highlight = {
      id,
      kind: 'highlight',
      page: 2,
      rects: [{ x: 0.1, y: 0.2, w: 0.5, h: 0.03 }],
      color: 'yellow',
    };
    expect(CreateDocumentNoteSchema.safeParse(highlight).success).toBe(true);
  });
  it('refuses a note without text, a highlight without rects, and highlight fields on a note', () => {
    expect(CreateDocumentNoteSchema.safeParse({ id, kind: 'note', page: 1 }).success).toBe(false);
    expect(
      CreateDocumentNoteSchema.safeParse({ id, kind: 'highlight', page: 1, color: 'blue' }).success,
    ).toBe(false);
    expect(
      CreateDocumentNoteSchema.safeParse({ id, kind: 'note', page: 1, body: 'x', color: 'blue' }).success,
    ).toBe(false);
  });
  it('keeps rectangles inside the page', () => {
    expect(NoteRectSchema.safeParse({ x: 0.9, y: 0, w: 0.2, h: 0.1 }).success).toBe(false);
    expect(NoteRectSchema.safeParse({ x: 0, y: 0, w: 1, h: 1 }).success).toBe(true);
    expect(NoteRectSchema.safeParse({ x: -0.1, y: 0, w: 0.1, h: 0.1 }).success).toBe(false);
    expect(NoteRectSchema.safeParse({ x: 0, y: 0, w: 0, h: 0.1 }).success).toBe(false);
  });
  it('needs something to change in an update', () => {
    expect(UpdateDocumentNoteSchema.safeParse({}).success).toBe(false);
    expect(UpdateDocumentNoteSchema.safeParse({ color: 'green' }).success).toBe(true);
  });
});

describe('the comments slice of the snapshot', () => {
  const MEETING = '00000000-0000-4000-8000-000000000001';
  const DOC_A = '00000000-0000-4000-8000-00000000000a';
  const DOC_B = '00000000-0000-4000-8000-00000000000b';
  const AUTHOR = '00000000-0000-4000-8000-0000000000c3';
  const AT = '2026-12-01T01:00:00.000Z';
  const base = {
    documentComments: [],
    participants: [],
    seq: 0,
    meeting: { id: MEETING, lastSeq: 0 },
  } as unknown as MeetingSnapshot;
  let seq = 0;
  const commented = (documentId: string): MeetingEvent => ({
    meetingId: MEETING,
    seq: ++seq,
    type: 'document.commented',
    actorId: AUTHOR,
    at: AT,
    payload: {
      comment: {
        id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
        documentId,
        page: null,
        authorId: AUTHOR,
        createdAt: AT,
        bodySha256: 'a'.repeat(64),
      },
    },
  });
  const withdrawn = (documentId: string): MeetingEvent => ({
    meetingId: MEETING,
    seq: ++seq,
    type: 'document.commentWithdrawn',
    actorId: AUTHOR,
    at: AT,
    payload: { commentId: '00000000-0000-4000-8000-000000000001', documentId, at: AT },
  });

  it('counts comments per document, in document order, and drops a document at zero', () => {
    let s = base;
    for (const e of [commented(DOC_B), commented(DOC_A), commented(DOC_B)]) s = applyMeetingEvent(s, e);
    expect(s.documentComments).toEqual([
      { documentId: DOC_A, count: 1 },
      { documentId: DOC_B, count: 2 },
    ]);
    s = applyMeetingEvent(s, withdrawn(DOC_A));
    expect(s.documentComments).toEqual([{ documentId: DOC_B, count: 2 }]);
  });
});
