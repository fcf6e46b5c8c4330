import { Injectable } from '@nestjs/common';
import type { MeetingDetail, MeetingEventsResponse, MeetingSnapshot } from '@phonghop/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { AgendaRepository } from '../agenda/agenda.repository';
import { MeetingAccessService } from '../meeting-events/meeting-access.service';
import { MeetingEventsRepository } from '../meeting-events/meeting-events.repository';
import { MeetingsRepository } from './meetings.repository';

/**
 * Reads of one meeting for participants: its state at a seq, or its events since a seq. Each read
 * runs in one REPEATABLE READ transaction, so the state and the seq it claims belong together.
 */
@Injectable()
export class MeetingReadService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: MeetingAccessService,
    private readonly meetings: MeetingsRepository,
    private readonly agenda: AgendaRepository,
    private readonly log: MeetingEventsRepository,
  ) {}

  detail(user: AuthUser, meetingId: string, command = 'meeting.get'): Promise<MeetingDetail> {
    return this.consistent(async (manager) => {
      const { meeting, actor } = await this.access.open(meetingId, user, command, { manager });
      const participants = await this.meetings.participants(meetingId, manager);
      const agenda = await this.agenda.list(meetingId, manager);
      return { meeting, participants, agenda, seq: meeting.lastSeq, myRole: actor.meetingRole };
    });
  }

  async snapshot(user: AuthUser, meetingId: string, online: string[]): Promise<MeetingSnapshot> {
    const { meeting, participants, agenda, seq } = await this.detail(user, meetingId, 'meeting.join');
    return { meeting, participants, agenda, seq, online };
  }

  /** Events after `sinceSeq` (at most `limit`), and the meeting's last seq. */
  events(user: AuthUser, meetingId: string, sinceSeq: number, limit: number): Promise<MeetingEventsResponse> {
    return this.consistent(async (manager) => {
      const { meeting } = await this.access.open(meetingId, user, 'meeting.events', { manager });
      const events = await this.log.since(meetingId, sinceSeq, limit, manager);
      return { events, seq: meeting.lastSeq };
    });
  }

  private consistent<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('REPEATABLE READ', work);
  }
}
