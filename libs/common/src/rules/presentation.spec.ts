import { DEFAULT_ATTENDANCE_SETTINGS } from '../schemas/attendance';
import { EMPTY_SPEAKERS_STATE } from '../schemas/speakers';
import { EMPTY_POLLS_STATE } from '../schemas/polls';
import { MeetingEventSchema, type MeetingEvent, type MeetingSnapshot } from '../schemas/meeting-events';
import type { Presentation } from '../schemas/presentation';
import { applyMeetingEvent } from './event-stream';
import { canPresent, checkControlPresentation, checkPresent, followedPage } from './presentation';

const MEETING = '00000000-0000-4000-8000-000000000001';
const CHAIR = '00000000-0000-4000-8000-0000000000c1';
const PRESENTER = '00000000-0000-4000-8000-0000000000c2';
const DELEGATE = '00000000-0000-4000-8000-0000000000c3';
const DOC = '00000000-0000-4000-8000-0000000000d1';
const VERSION = '00000000-0000-4000-8000-0000000000d2';
const AT = '2026-12-01T01:00:00.000Z';

const chair = { userId: CHAIR, systemRole: 'member' as const, meetingRole: 'chair' as const };
const presenter = { userId: PRESENTER, systemRole: 'member' as const, meetingRole: 'delegate' as const };
const delegate = { userId: DELEGATE, systemRole: 'member' as const, meetingRole: 'delegate' as const };
const admin = { userId: DELEGATE, systemRole: 'admin' as const, meetingRole: null };
const outsider = { userId: DELEGATE, systemRole: 'member' as const, meetingRole: null };
const guest = { userId: PRESENTER, systemRole: 'member' as const, meetingRole: 'guest' as const };

const activeItem = [{ status: 'active' as const, presenterId: PRESENTER }];
const pendingItem = [{ status: 'pending' as const, presenterId: PRESENTER }];

const shown: Presentation = {
  documentId: DOC,
  versionId: VERSION,
  page: 3,
  presenterId: PRESENTER,
  startedAt: AT,
  pageAt: AT,
};

describe('checkPresent', () => {
  it.each([
    ['the chair', chair, activeItem, 'live', true],
    ['an admin', admin, [], 'live', true],
    ['the presenter of the item under discussion', presenter, activeItem, 'live', true],
    ['a guest who presents the current item', guest, activeItem, 'live', true],
    ['the presenter of an item not yet discussed', presenter, pendingItem, 'live', 'MEETING_ROLE_REQUIRED'],
    ['a delegate', delegate, activeItem, 'live', 'MEETING_ROLE_REQUIRED'],
    ['an outsider', outsider, activeItem, 'live', 'NOT_A_PARTICIPANT'],
    ['the chair before the session', chair, activeItem, 'scheduled', 'MEETING_NOT_LIVE'],
    ['the chair after it', chair, activeItem, 'ended', 'MEETING_NOT_LIVE'],
  ] as const)('%s', (_name, actor, agenda, status, expected) => {
    const result = checkPresent(status, actor, agenda);
    expect(result.ok ? true : result.code).toBe(expected);
  });

  it('canPresent says the same for the buttons', () => {
    expect(canPresent(presenter, activeItem)).toBe(true);
    expect(canPresent(presenter, pendingItem)).toBe(false);
    expect(canPresent(outsider, activeItem)).toBe(false);
  });
});

describe('checkControlPresentation', () => {
  it.each([
    ['the one presenting', presenter, shown, 'live', true],
    ['the chair takes over', chair, shown, 'live', true],
    ['an admin', admin, shown, 'live', true],
    ['another delegate', delegate, shown, 'live', 'MEETING_ROLE_REQUIRED'],
    ['nothing is presented', chair, null, 'live', 'PRESENTATION_NOT_ACTIVE'],
    ['the meeting ended', presenter, shown, 'ended', 'MEETING_NOT_LIVE'],
    ['an outsider', outsider, shown, 'live', 'NOT_A_PARTICIPANT'],
  ] as const)('%s', (_name, actor, presentation, status, expected) => {
    const result = checkControlPresentation(status, actor, presentation);
    expect(result.ok ? true : result.code).toBe(expected);
  });
});

describe('followedPage', () => {
  const readable = () => true;
  it('follows the presenter while following', () => {
    expect(followedPage(shown, true, readable)).toEqual({ documentId: DOC, versionId: VERSION, page: 3 });
  });
  it('keeps the reader on their own page when they stop following', () => {
    expect(followedPage(shown, false, readable)).toBeNull();
  });
  it('gives no page of a document the follower may not read', () => {
    expect(followedPage(shown, true, (id) => id !== DOC)).toBeNull();
  });
  it('gives nothing while nothing is presented', () => {
    expect(followedPage(null, true, readable)).toBeNull();
  });
});

describe('presentation events on the snapshot', () => {
  function live(): MeetingSnapshot {
    return {
      meeting: {
        id: MEETING,
        title: 'Hội nghị',
        kind: 'party_committee',
        organizerUnit: 'Đảng ủy phường',
        startsAt: AT,
        endsAt: '2026-12-01T04:00:00.000Z',
        location: 'Hội trường',
        online: false,
        description: '',
        status: 'live',
        lastSeq: 0,
        createdById: CHAIR,
        createdAt: AT,
      },
      participants: [],
      agenda: [],
      attendance: { settings: DEFAULT_ATTENDANCE_SETTINGS, records: [] },
      speakers: EMPTY_SPEAKERS_STATE,
      polls: EMPTY_POLLS_STATE,
      documents: [],
      documentComments: [],
      presentation: null,
      seq: 0,
      online: [],
      onlineCount: 0,
    };
  }
  const events = (raw: Omit<MeetingEvent, 'seq' | 'meetingId' | 'actorId' | 'at'>[]) =>
    raw.map((e, i) =>
      MeetingEventSchema.parse({ ...e, meetingId: MEETING, seq: i + 1, actorId: CHAIR, at: AT }),
    );

  it('presents, turns pages, stops', () => {
    const turned = { ...shown, page: 4 };
    const [presented, pageTurned, stopped] = events([
      { type: 'document.presented', payload: { presentation: shown } },
      { type: 'document.pageTurned', payload: { presentation: turned, fromPage: 3 } },
      { type: 'document.presentationStopped', payload: { documentId: DOC, versionId: VERSION, page: 4 } },
    ] as never);
    let s = applyMeetingEvent(live(), presented);
    expect(s.presentation).toEqual(shown);
    s = applyMeetingEvent(s, pageTurned);
    expect(s.presentation?.page).toBe(4);
    s = applyMeetingEvent(s, stopped);
    expect(s.presentation).toBeNull();
  });

  it('ends with the session', () => {
    const [presented, ended] = events([
      { type: 'document.presented', payload: { presentation: shown } },
      { type: 'meeting.statusChanged', payload: { from: 'live', to: 'ended', agenda: [] } },
    ] as never);
    const s = applyMeetingEvent(applyMeetingEvent(live(), presented), ended);
    expect(s.presentation).toBeNull();
  });
});
