import type { MeetingActor, MeetingRole, MeetingStatus } from '@phonghop/common';
import { pageTransitions } from './page-transitions';

const as = (meetingRole: MeetingRole | null, systemRole: 'admin' | 'member' = 'member'): MeetingActor => ({
  systemRole,
  meetingRole,
});

describe('the lifecycle buttons of a meeting page', () => {
  it.each<[MeetingStatus, MeetingActor, MeetingStatus[]]>([
    ['draft', as('secretary'), ['scheduled']],
    ['draft', as('chair'), []],
    ['scheduled', as('secretary'), ['draft']],
    // The chair opens the meeting in the room, not from its page.
    ['scheduled', as('chair'), []],
    ['live', as('chair'), []],
    ['ended', as('chair'), ['closed']],
    ['ended', as('secretary'), ['closed']],
    ['ended', as('delegate'), []],
    ['closed', as('secretary'), ['archived']],
    ['closed', as('chair'), []],
    ['closed', as(null, 'admin'), ['archived']],
    ['archived', as('secretary'), []],
  ])('%s, %o → %o', (status, actor, expected) => {
    expect(pageTransitions(status, actor)).toEqual(expected);
  });
});
