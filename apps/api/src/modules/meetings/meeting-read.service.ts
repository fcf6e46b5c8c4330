import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import {
  compactSnapshot,
  type MeetingDetail,
  type MeetingEventsResponse,
  type MeetingPeopleResponse,
  type MeetingRoomSnapshot,
} from '@phonghop/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { AgendaRepository } from '../agenda/agenda.repository';
import { AttendanceRepository } from '../attendance/attendance.repository';
import { SpeakersRepository } from '../speakers/speakers.repository';
import { PollsRepository } from '../polls/polls.repository';
import { DocumentsRepository } from '../documents/documents.repository';
import { DocumentCommentCountsRepository } from '../document-notes/document-comment-counts.repository';
import { MeetingAccessService } from '../meeting-events/meeting-access.service';
import { MeetingEventsRepository } from '../meeting-events/meeting-events.repository';
import { MeetingsRepository } from './meetings.repository';
import { PresentationRepository } from '../presentation/presentation.repository';

/**
 * Reads of one meeting for participants: its state at a seq, or its events since a seq. Each read
 * runs in one REPEATABLE READ transaction, so the state and the seq it claims belong together.
 */
/** Meetings whose shared room state is kept in memory (the most recently joined ones). */
const STATE_CACHE_SIZE = 200;

interface CachedState {
  /** The meeting's last seq when the read began; the state itself is at this seq or later. */
  seq: number;
  state: Promise<Omit<MeetingRoomSnapshot, 'online'>>;
}

/** The people of a meeting, and the ETag of exactly that answer. */
export interface MeetingPeople {
  body: MeetingPeopleResponse;
  etag: string;
}

@Injectable()
export class MeetingReadService {
  private readonly stateCache = new Map<string, CachedState>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: MeetingAccessService,
    private readonly meetings: MeetingsRepository,
    private readonly agenda: AgendaRepository,
    private readonly log: MeetingEventsRepository,
    private readonly attendance: AttendanceRepository,
    private readonly speakers: SpeakersRepository,
    private readonly polls: PollsRepository,
    private readonly documents: DocumentsRepository,
    private readonly commentCounts: DocumentCommentCountsRepository,
    private readonly presentation: PresentationRepository,
  ) {}

  detail(user: AuthUser, meetingId: string, command = 'meeting.get'): Promise<MeetingDetail> {
    return this.consistent(async (manager) => {
      const { meeting, actor } = await this.access.open(meetingId, user, command, { manager });
      const participants = await this.meetings.participants(meetingId, manager);
      const agenda = await this.agenda.list(meetingId, manager);
      const attendance = await this.attendance.state(meetingId, manager);
      const speakers = await this.speakers.state(meetingId, manager);
      const polls = await this.polls.state(meetingId, manager);
      const documents = await this.documents.state(meetingId, manager);
      const documentComments = await this.commentCounts.state(meetingId, manager);
      const presentation = await this.presentation.current(meetingId, manager);
      return {
        meeting,
        participants,
        agenda,
        attendance,
        speakers,
        polls,
        documents,
        documentComments,
        presentation,
        seq: meeting.lastSeq,
        myRole: actor.meetingRole,
      };
    });
  }

  /** The meeting's last seq (MEETING_NOT_FOUND if none). No access check: for a display the caller checked. */
  async lastSeq(meetingId: string): Promise<number> {
    const meeting = await this.meetings.findById(meetingId);
    if (!meeting) throw new AppException('MEETING_NOT_FOUND');
    return meeting.lastSeq;
  }

  /**
   * The room state for a joining socket, at `lastSeq` or later. No access check: the caller made
   * it. Its shared part (meeting, compact participants, agenda …) is the same for everyone at a
   * given seq, so it is read once per seq and shared: a join storm of a thousand tablets costs one
   * read, not a thousand. The caller reads `lastSeq` after the socket joined the room, so the state
   * handed out is never older than an event the socket could have missed.
   */
  async stateOf(meetingId: string, lastSeq: number, online: string[]): Promise<MeetingRoomSnapshot> {
    const meeting = { lastSeq };
    let entry = this.stateCache.get(meetingId);
    if (!entry || entry.seq < meeting.lastSeq) {
      const state = this.consistent(async (manager) => {
        const current = await this.meetings.findById(meetingId, manager);
        const participants = await this.meetings.participants(meetingId, manager);
        const agenda = await this.agenda.list(meetingId, manager);
        const attendance = await this.attendance.state(meetingId, manager);
        const speakers = await this.speakers.state(meetingId, manager);
        const polls = await this.polls.state(meetingId, manager);
        const documents = await this.documents.state(meetingId, manager);
        const documentComments = await this.commentCounts.state(meetingId, manager);
        const presentation = await this.presentation.current(meetingId, manager);
        if (!current) throw new AppException('MEETING_NOT_FOUND');
        // Compact: the participants' directory details come from people() (fetched once by a client).
        return compactSnapshot({
          meeting: current,
          participants,
          agenda,
          attendance,
          speakers,
          polls,
          documents,
          documentComments,
          presentation,
          seq: current.lastSeq,
        });
      });
      entry = { seq: meeting.lastSeq, state };
      this.remember(meetingId, entry);
      state.catch(() => this.stateCache.delete(meetingId));
    }
    return { ...(await entry.state), online };
  }

  /**
   * The participants' directory details, which the join snapshot leaves out. The ETag is a hash of
   * the answer itself, so it changes with anything in it (a participant added, a name corrected)
   * and a client that already has it gets a 304.
   */
  async people(user: AuthUser, meetingId: string): Promise<MeetingPeople> {
    await this.access.open(meetingId, user, 'meeting.people');
    return this.peopleUnchecked(meetingId);
  }

  /** people() without an access check (a room display, whose token the caller checked). */
  async peopleUnchecked(meetingId: string): Promise<MeetingPeople> {
    const participants = await this.meetings.participants(meetingId);
    const body: MeetingPeopleResponse = {
      people: participants.map((p) => ({ userId: p.userId, user: p.user, addedAt: p.addedAt })),
    };
    const hash = createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27);
    return { body, etag: `"${hash}"` };
  }

  private remember(meetingId: string, entry: CachedState): void {
    this.stateCache.delete(meetingId);
    this.stateCache.set(meetingId, entry);
    if (this.stateCache.size > STATE_CACHE_SIZE) {
      const oldest = this.stateCache.keys().next().value;
      if (oldest !== undefined) this.stateCache.delete(oldest);
    }
  }

  /** Events after `sinceSeq` (at most `limit`), and the meeting's last seq. */
  events(user: AuthUser, meetingId: string, sinceSeq: number, limit: number): Promise<MeetingEventsResponse> {
    return this.consistent(async (manager) => {
      const { meeting } = await this.access.open(meetingId, user, 'meeting.events', { manager });
      const events = await this.log.since(meetingId, sinceSeq, limit, manager);
      return { events, seq: meeting.lastSeq };
    });
  }

  /** Events after `sinceSeq` without an access check (a display's join, checked by the caller). */
  eventsUnchecked(meetingId: string, sinceSeq: number, limit: number): Promise<MeetingEventsResponse> {
    return this.consistent(async (manager) => {
      const meeting = await this.meetings.findById(meetingId, manager);
      if (!meeting) throw new AppException('MEETING_NOT_FOUND');
      const events = await this.log.since(meetingId, sinceSeq, limit, manager);
      return { events, seq: meeting.lastSeq };
    });
  }

  private consistent<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('REPEATABLE READ', work);
  }
}
