import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type {
  MeetingDetail,
  MeetingEventsResponse,
  MeetingRoomSnapshot,
  MeetingRosterResponse,
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
  state: Promise<Omit<MeetingRoomSnapshot, 'onlineCount'>>;
}

/** A meeting's roster as one answer: its body already encoded, and the ETag of exactly that body. */
export interface MeetingRoster {
  json: string;
  /** The same body gzipped once (a hall's roster is ~300 KB of JSON, ~10× less compressed). */
  gzip: Buffer;
  etag: string;
}

const gzipAsync = promisify(gzip);

interface CachedRoster {
  /** The meeting's last seq when the read began; the roster is at this seq or later. */
  seq: number;
  roster: Promise<MeetingRoster>;
}

@Injectable()
export class MeetingReadService {
  private readonly stateCache = new Map<string, CachedState>();
  /** The last roster read of each recently asked meeting (same bound as the states). */
  private readonly rosterCache = new Map<string, CachedRoster>();

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
   * it. It is the same for everyone at a given seq, so it is read once per seq and shared: a join
   * storm of a thousand tablets costs one read, not a thousand. It leaves the participants out (the
   * roster, below), so its size does not grow with the meeting. The caller reads `lastSeq` after the
   * socket joined the room, so the state handed out is never older than an event the socket could
   * have missed.
   */
  async stateOf(meetingId: string, lastSeq: number, onlineCount: number): Promise<MeetingRoomSnapshot> {
    let entry = this.stateCache.get(meetingId);
    if (!entry || entry.seq < lastSeq) {
      const state = this.consistent(async (manager) => {
        const current = await this.meetings.findById(meetingId, manager);
        const agenda = await this.agenda.list(meetingId, manager);
        const attendance = await this.attendance.state(meetingId, manager);
        const speakers = await this.speakers.state(meetingId, manager);
        const polls = await this.polls.state(meetingId, manager);
        const documents = await this.documents.state(meetingId, manager);
        const documentComments = await this.commentCounts.state(meetingId, manager);
        const presentation = await this.presentation.current(meetingId, manager);
        if (!current) throw new AppException('MEETING_NOT_FOUND');
        return {
          meeting: current,
          agenda,
          attendance,
          speakers,
          polls,
          documents,
          documentComments,
          presentation,
          seq: current.lastSeq,
        };
      });
      entry = { seq: lastSeq, state };
      this.remember(this.stateCache, meetingId, entry);
      state.catch(() => this.stateCache.delete(meetingId));
    }
    return { ...(await entry.state), onlineCount };
  }

  /**
   * The meeting's participants with their directory details, which the join snapshot leaves out.
   * Always at the meeting's current seq (read by the access check), so never older than a join the
   * caller was answered before asking — the client may then re-apply participant events it also
   * gets on the channel, which is harmless (libs/common room-snapshot.ts says why).
   */
  async roster(user: AuthUser, meetingId: string): Promise<MeetingRoster> {
    const { meeting } = await this.access.open(meetingId, user, 'meeting.roster');
    return this.rosterAt(meetingId, meeting.lastSeq);
  }

  /** roster() without an access check (a room display, whose token the caller checked). */
  async rosterUnchecked(meetingId: string): Promise<MeetingRoster> {
    return this.rosterAt(meetingId, await this.lastSeq(meetingId));
  }

  /**
   * One read and one encoding per seq, shared by every caller: the whole hall fetches the roster
   * right after a join storm. A read started for an older seq is not used (the roster must be at
   * least as new as the caller's seq). The ETag hashes the participants only, so a client whose copy
   * is still right gets a 304 although other events moved the seq on.
   */
  private rosterAt(meetingId: string, lastSeq: number): Promise<MeetingRoster> {
    const cached = this.rosterCache.get(meetingId);
    if (cached && cached.seq >= lastSeq) return cached.roster;
    const roster = this.consistent(async (manager): Promise<MeetingRoster> => {
      const participants = await this.meetings.participants(meetingId, manager);
      const json = JSON.stringify({ participants } satisfies MeetingRosterResponse);
      const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
      return { json, gzip: await gzipAsync(json), etag };
    });
    this.remember(this.rosterCache, meetingId, { seq: lastSeq, roster });
    roster.catch(() => this.rosterCache.delete(meetingId));
    return roster;
  }

  /** Keeps the most recently used meetings' entries (a Map iterates in insertion order). */
  private remember<T>(cache: Map<string, T>, meetingId: string, entry: T): void {
    cache.delete(meetingId);
    cache.set(meetingId, entry);
    if (cache.size > STATE_CACHE_SIZE) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
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
