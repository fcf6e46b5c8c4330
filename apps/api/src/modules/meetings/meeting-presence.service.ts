import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { MeetingAccessService } from '../meeting-events/meeting-access.service';
import { RealtimeService } from '../realtime/realtime.service';
import { rooms } from '../realtime/realtime.types';

/**
 * Presence broadcasts of one meeting are coalesced over a window (a join storm sends a few, not
 * thousands). Each broadcast carries the whole list to every socket, so its cost grows with the
 * square of the room: the window grows with the room (150 ms for a ward meeting of 30, about 2 s
 * for a hall of 1,000).
 */
const PRESENCE_MIN_WINDOW_MS = 150;
const PRESENCE_MAX_WINDOW_MS = 2000;
const PRESENCE_MS_PER_SOCKET = 2;

/**
 * Who is in a meeting room: the users with at least one socket in `meeting:<id>`. Not logged — it
 * is read from socket.io itself (`fetchSockets`, which asks every node through the Redis adapter),
 * so it is right across nodes and after a node dies.
 */
@Injectable()
export class MeetingPresenceService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('MeetingPresence');
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly realtime: RealtimeService,
    private readonly access: MeetingAccessService,
  ) {}

  onModuleInit(): void {
    this.realtime.onAuthorityChanged((userId) => this.recheckUser(userId));
  }

  /** User ids online in the meeting room, sorted. */
  async online(meetingId: string): Promise<string[]> {
    const sockets = await this.realtime.io.in(rooms.meeting(meetingId)).fetchSockets();
    // Room displays watch; they are nobody, so they are not shown as online.
    return [...new Set(sockets.filter((s) => !s.data.display).map((s) => s.data.user.id))].sort();
  }

  /** Announces the room's presence soon (coalesced per meeting). */
  changed(meetingId: string): void {
    if (this.pending.has(meetingId)) return;
    const localSockets = this.realtime.io.sockets.adapter.rooms.get(rooms.meeting(meetingId))?.size ?? 0;
    const window = Math.min(
      PRESENCE_MAX_WINDOW_MS,
      Math.max(PRESENCE_MIN_WINDOW_MS, localSockets * PRESENCE_MS_PER_SOCKET),
    );
    const timer = setTimeout(() => {
      this.pending.delete(meetingId);
      this.online(meetingId)
        .then((online) =>
          this.realtime.emitToRoom(rooms.meeting(meetingId), 'presence.changed', { meetingId, online }),
        )
        .catch((err: Error) => this.logger.warn(`presence of ${meetingId}: ${err.message}`));
    }, window);
    this.pending.set(meetingId, timer);
  }

  /** Takes every socket of a user (on every node) out of a meeting room — they are no longer a participant. */
  evict(meetingId: string, userId: string): void {
    this.realtime.io.in(rooms.user(userId)).socketsLeave(rooms.meeting(meetingId));
    this.changed(meetingId);
  }

  /**
   * Takes the user's sockets (on every node) out of the meeting rooms their current roles no
   * longer open — e.g. a demoted admin in a meeting they do not take part in. Runs after the
   * change committed; a join racing it re-checks after entering the room (MeetingRoomService.join).
   */
  async recheckUser(userId: string): Promise<void> {
    const sockets = await this.realtime.io.in(rooms.user(userId)).fetchSockets();
    const joined = new Set(
      sockets.flatMap((s) => [...s.rooms].filter((r) => r.startsWith('meeting:')).map((r) => r.slice(8))),
    );
    if (joined.size === 0) return;
    const visible = await this.access.stillVisible(userId, [...joined]);
    for (const meetingId of joined) {
      if (!visible.has(meetingId)) this.evict(meetingId, userId);
    }
  }

  onModuleDestroy(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
