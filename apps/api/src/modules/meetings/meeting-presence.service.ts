import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { MeetingAccessService } from '../meeting-events/meeting-access.service';
import { RealtimeService } from '../realtime/realtime.service';
import { rooms } from '../realtime/realtime.types';
import { ParticipantIdsCache } from './participant-ids-cache';

/**
 * Presence updates of one meeting are coalesced over this window: at most four a second, however
 * many tablets come and go (a join storm of 1,000 sends a few small deltas a second, not 1,000 lists).
 */
export const PRESENCE_WINDOW_MS = 250;

/**
 * In a big room (a congress, a conference) the window is a second: every delta is one write per
 * socket of the room, and while hundreds join, four a second to each of them cost more than the
 * joins themselves — a second's delay in "who is here" is nothing in a hall of 500.
 */
export const BIG_ROOM_PRESENCE_WINDOW_MS = 1000;
export const BIG_ROOM_SOCKETS = 200;

/** What this node last told a meeting room, and what it has seen change since. */
interface RoomPresence {
  /** The room's online users as of this node's last update (or first read). */
  known: Set<string> | null;
  /** Users whose sockets on this node came or went since the last update. */
  touched: Set<string>;
  timer: NodeJS.Timeout | null;
  /** The count this node last sent to the room (`presence.count`), so an unchanged one is not sent again. */
  count: number | null;
  /** An update is being read and sent; the next one waits for it (updates of a room stay in order). */
  running: Promise<void> | null;
}

/**
 * Who is in a meeting room: the users with at least one socket in `meeting:<id>`. Not logged — it
 * is read from socket.io itself (`fetchSockets`, which asks every node through the Redis adapter),
 * so it is right across nodes and after a node dies.
 *
 * Every socket of the room hears how many are in it (`presence.count`; the join answer carries it
 * too). Who they are goes only to the sockets that watch (`presence.watch`, answered with the whole
 * list once): they get `presence.changed` deltas (joined, left, count). A hall of 1,000 tablets
 * therefore does not get every arrival of a join storm; the secretary's attendance screen does.
 * Updates are coalesced: at most one per PRESENCE_WINDOW_MS (a second in a big room). Each delta names the users
 * whose status differs from this node's last update, and every user whose socket on this node came
 * or went, with their state read after the change — so the last word about anyone is never older
 * than their last change (docs/events/presence.changed.md).
 */
@Injectable()
export class MeetingPresenceService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('MeetingPresence');
  private readonly rooms = new Map<string, RoomPresence>();

  constructor(
    private readonly realtime: RealtimeService,
    private readonly access: MeetingAccessService,
    private readonly participantIds: ParticipantIdsCache,
  ) {}

  onModuleInit(): void {
    this.realtime.onAuthorityChanged((userId) => this.recheckUser(userId));
  }

  /**
   * User ids online in the meeting room, sorted: on one node read directly from its rooms; with
   * several, asked through the Redis adapter (fetchSockets). The answer reflects the room after the call began: callers (a join
   * that has just entered the room, an update after a change) need a read that starts after them,
   * so concurrent callers share the next question rather than one already on its way — a join
   * storm of thousands asks a few times a second, not thousands of times.
   */
  async online(meetingId: string): Promise<string[]> {
    const room = rooms.meeting(meetingId);
    const remote = this.realtime.isClustered ? await this.nextClusterRead(room) : [];
    // Room displays watch; they are nobody, so they are not shown as online.
    return [...new Set([...remote, ...this.realtime.localMembers(room)])].sort();
  }

  private readonly remoteReads = new Map<
    string,
    { running: Promise<string[]> | null; next: Promise<string[]> | null }
  >();

  private nextClusterRead(room: string): Promise<string[]> {
    let reads = this.remoteReads.get(room);
    if (!reads) {
      reads = { running: null, next: null };
      this.remoteReads.set(room, reads);
    }
    const r = reads;
    const start = (): Promise<string[]> => {
      const read = this.realtime.clusterMembers(room).finally(() => {
        if (r.running === read) r.running = null;
        if (!r.running && !r.next) this.remoteReads.delete(room);
      });
      r.running = read;
      return read;
    };
    if (!r.running) return start();
    // One is on its way but may have left before this caller joined: share the one after it.
    r.next ??= r.running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        r.next = null;
        return start();
      });
    return r.next;
  }

  /** A socket of `userId` on this node came into or left the room: the room hears of it soon. */
  changed(meetingId: string, userId?: string): void {
    const room = this.roomOf(meetingId);
    if (userId) room.touched.add(userId);
    if (room.timer) return;
    room.timer = setTimeout(() => {
      room.timer = null;
      const previous = room.running ?? Promise.resolve();
      room.running = previous
        .then(() => this.announce(meetingId, room))
        .catch((err: Error) => this.logger.warn(`presence of ${meetingId}: ${err.message}`))
        .finally(() => {
          room.running = null;
          // An empty room is forgotten; a busy one keeps what it last said, so deltas stay small.
          if (!room.timer && room.touched.size === 0 && room.known?.size === 0) this.rooms.delete(meetingId);
        });
    }, this.windowOf(meetingId));
  }

  /** Reads the room (after the changes it reports) and sends what differs as one delta. */
  private async announce(meetingId: string, room: RoomPresence): Promise<void> {
    const touched = room.touched;
    room.touched = new Set();
    const online = new Set(await this.online(meetingId));
    const known = room.known ?? new Set<string>();
    const joined = [...online].filter((id) => !known.has(id) || touched.has(id));
    const left = [...new Set([...known, ...touched])].filter((id) => !online.has(id));
    room.known = online;
    if (joined.length === 0 && left.length === 0 && room.count === online.size) return;
    room.count = online.size;
    this.realtime.fanOut(rooms.meeting(meetingId), 'presence.count', { meetingId, count: online.size });
    if (joined.length === 0 && left.length === 0) return;
    this.realtime.fanOut(rooms.presence(meetingId), 'presence.changed', {
      meetingId,
      joined: joined.sort(),
      left: left.sort(),
      count: online.size,
    });
  }

  /**
   * How many users are in the room, for a join's answer. On one node it is read from the room; with
   * several it is the count of this node's last update (or a fresh read if it has none): it may lag
   * the joins of the last second, and the next `presence.count` puts it right.
   */
  async count(meetingId: string): Promise<number> {
    if (!this.realtime.isClustered) return this.realtime.localMemberCount(rooms.meeting(meetingId));
    const known = this.rooms.get(meetingId)?.known;
    return known ? known.size : (await this.online(meetingId)).length;
  }

  private windowOf(meetingId: string): number {
    const sockets = this.realtime.localSocketCount(rooms.meeting(meetingId));
    return sockets > BIG_ROOM_SOCKETS ? BIG_ROOM_PRESENCE_WINDOW_MS : PRESENCE_WINDOW_MS;
  }

  private roomOf(meetingId: string): RoomPresence {
    let room = this.rooms.get(meetingId);
    if (!room) {
      room = { known: null, touched: new Set(), timer: null, count: null, running: null };
      this.rooms.set(meetingId, room);
    }
    return room;
  }

  /** Takes every socket of a user (on every node) out of a meeting room — they are no longer a participant. */
  evict(meetingId: string, userId: string): void {
    // The next join on this node reads the ids again (other nodes within a second: the check after
    // entering the room refuses the removed person anyway).
    this.participantIds.forget(meetingId);
    this.realtime.io
      .in(rooms.user(userId))
      .socketsLeave([rooms.meeting(meetingId), rooms.presence(meetingId)]);
    this.changed(meetingId, userId);
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
    for (const room of this.rooms.values()) if (room.timer) clearTimeout(room.timer);
    this.rooms.clear();
  }
}
