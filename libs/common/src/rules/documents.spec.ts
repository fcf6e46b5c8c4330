import { canDownloadDocument, canReadDocument, checkManageDocuments } from './documents';
import type { MeetingActor } from './meeting-lifecycle';

const ME = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const as = (meetingRole: MeetingActor['meetingRole'], systemRole: MeetingActor['systemRole'] = 'member') => ({
  userId: ME,
  meetingRole,
  systemRole,
});

describe('document rules', () => {
  it.each([
    ['all', [], 'guest', true],
    ['all', [], 'delegate', true],
    ['named', [OTHER], 'delegate', false],
    ['named', [ME], 'delegate', true],
    ['named', [OTHER], 'secretary', true],
    ['confidential', [OTHER], 'chair', true],
    ['confidential', [OTHER], 'guest', false],
    ['confidential', [ME], 'guest', true],
    ['all', [], null, false],
  ] as const)('%s readers %j, role %s: read %s', (accessLevel, readerIds, role, expected) => {
    expect(canReadDocument({ accessLevel, readerIds }, as(role))).toBe(expected);
  });

  it('lets an admin read documents for all, but not named or confidential ones unless named', () => {
    expect(canReadDocument({ accessLevel: 'all', readerIds: [] }, as(null, 'admin'))).toBe(true);
    expect(canReadDocument({ accessLevel: 'named', readerIds: [OTHER] }, as(null, 'admin'))).toBe(false);
    expect(canReadDocument({ accessLevel: 'confidential', readerIds: [ME] }, as(null, 'admin'))).toBe(true);
  });

  it('never lets a confidential document be downloaded, even by the chair', () => {
    expect(canDownloadDocument({ accessLevel: 'confidential', readerIds: [ME] }, as('chair'))).toBe(false);
    expect(canDownloadDocument({ accessLevel: 'named', readerIds: [ME] }, as('delegate'))).toBe(true);
  });

  it('lets the secretary and the chair manage documents until the meeting ends', () => {
    expect(checkManageDocuments('draft', as('secretary'))).toEqual({ ok: true });
    expect(checkManageDocuments('live', as('chair'))).toEqual({ ok: true });
    expect(checkManageDocuments('live', as('delegate'))).toEqual({
      ok: false,
      code: 'MEETING_ROLE_REQUIRED',
    });
    expect(checkManageDocuments('ended', as('secretary'))).toEqual({
      ok: false,
      code: 'MEETING_NOT_EDITABLE',
    });
    expect(checkManageDocuments('scheduled', as(null, 'admin'))).toEqual({ ok: true });
  });
});
