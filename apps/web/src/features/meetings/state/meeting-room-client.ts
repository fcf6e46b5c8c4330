import {
  applyPresenceDelta,
  MeetingEventStream,
  withRoster,
  type MeetingEvent,
  type MeetingSnapshot,
  type PresenceChanged,
  type PresenceCount,
} from '@phonghop/common';
import { errorCodeOf } from '../../../lib/api-error';
import { sendQuery } from '../../../lib/socket-command';
import type { AppSocket } from '../../../lib/socket';
import { meetingRoster, type RosterFetch } from './meeting-roster';

export interface RoomState {
  snapshot: MeetingSnapshot | null;
  /** A join (first or after a reconnect) is in flight. */
  joining: boolean;
  /** Why the room could not be joined (e.g. MEETING_NOT_FOUND); null while fine. */
  error: string | null;
}

/** A gap in seq may close by itself (events in flight); rejoin only when it lasts this long. */
const GAP_GRACE_MS = 1_000;
const JOIN_RETRY_MS = 2_000;

/**
 * One meeting room on this socket: joins with `meeting.join`, feeds every `meeting.event` through
 * the shared ordering buffer and reducer (MeetingEventStream), and after a reconnect or a gap
 * rejoins with `sinceSeq` = the last applied seq, so the screen ends in exactly the server's state.
 *
 * A snapshot join carries no participants and no online list (its size must not grow with the
 * meeting): this layer then fetches the roster (cached with its ETag, so usually a 304 —
 * meeting-roster.ts) and puts the two together, so screens get the full state. Events that arrive
 * while a join is answered are held and applied after it (the buffer drops what the answer had).
 *
 * Presence: every socket hears how many are in the room (`presence.count`). Who they are comes only
 * while a screen asks for it (`watch(true)`: the attendance panel, a small meeting's presence list):
 * `presence.watch` answers the list, and `presence.changed` deltas follow. A new socket (reconnect)
 * watches again after its join.
 */
export class MeetingRoomClient {
  private stream: MeetingEventStream | null = null;
  /** Events that arrived while a join was being answered; applied on top of its answer. */
  private early: MeetingEvent[] = [];
  /** Presence deltas that arrived while a join or a watch was being answered. */
  private earlyPresence: PresenceChanged[] = [];
  private joinAttempt = 0;
  private joining = false;
  private watching = false;
  /** A `presence.watch` is on its way; its list is the base the held deltas apply to. */
  private watchPending = false;
  private error: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private readonly socket: AppSocket,
    readonly meetingId: string,
    private readonly onChange: (state: RoomState) => void,
    private readonly fetchRoster: RosterFetch,
  ) {}

  start(): void {
    // Listen before joining: an event broadcast during the join must not be missed.
    this.socket.on('meeting.event', this.onEvent);
    this.socket.on('meeting.events', this.onEvents);
    this.socket.on('presence.changed', this.onPresence);
    this.socket.on('presence.count', this.onCount);
    this.socket.on('connect', this.onConnect);
    if (this.socket.connected) void this.join();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.socket.off('meeting.event', this.onEvent);
    this.socket.off('meeting.events', this.onEvents);
    this.socket.off('presence.changed', this.onPresence);
    this.socket.off('presence.count', this.onCount);
    this.socket.off('connect', this.onConnect);
    if (this.socket.connected) {
      void sendQuery(this.socket, 'meeting.leave', { meetingId: this.meetingId }).catch(() => undefined);
    }
  }

  /** The event a command's ack carries (duplicates of the broadcast are dropped by the buffer). */
  applyOwn(event: MeetingEvent): void {
    this.onEvent(event);
  }

  /** Whether a screen shows who is in the room (not only how many). */
  watch(on: boolean): void {
    if (on === this.watching) return;
    this.watching = on;
    if (on) {
      if (this.stream && !this.joining) void this.startWatch();
      return;
    }
    if (this.socket.connected) {
      void sendQuery(this.socket, 'presence.unwatch', { meetingId: this.meetingId }).catch(() => undefined);
    }
    if (this.stream) {
      this.stream.setOnline([], this.stream.snapshot.onlineCount);
      this.emit();
    }
  }

  get seq(): number | undefined {
    return this.stream?.seq;
  }

  private onConnect = () => void this.join();

  private onEvent = (event: MeetingEvent) => {
    if (event.meetingId !== this.meetingId) return;
    if (!this.stream || this.joining) {
      this.early.push(event);
      return;
    }
    this.stream.receive(event);
    this.watchGap();
    this.emit();
  };

  /** A batch the server sent in one message (it had queued up): each event as if sent alone. */
  private onEvents = (events: MeetingEvent[]) => {
    for (const event of events) this.onEvent(event);
  };

  private onPresence = (presence: PresenceChanged) => {
    if (presence.meetingId !== this.meetingId || !this.watching) return;
    if (!this.stream || this.joining || this.watchPending) {
      this.earlyPresence.push(presence);
      return;
    }
    this.stream.setOnline(applyPresenceDelta(this.stream.snapshot.online, presence), presence.count);
    this.emit();
  };

  private onCount = (presence: PresenceCount) => {
    if (presence.meetingId !== this.meetingId || !this.stream) return;
    this.stream.setOnlineCount(presence.count);
    this.emit();
  };

  private async join(): Promise<void> {
    if (this.stopped) return;
    const attempt = ++this.joinAttempt;
    this.joining = true;
    this.emit();
    try {
      const result = await sendQuery(this.socket, 'meeting.join', {
        meetingId: this.meetingId,
        ...(this.stream ? { sinceSeq: this.stream.seq } : {}),
      });
      if (attempt !== this.joinAttempt || this.stopped) return;
      if (result.kind === 'snapshot') {
        // Read after the join was answered, so never older than its snapshot (see withRoster).
        const participants = await meetingRoster.load(this.meetingId, this.fetchRoster);
        if (attempt !== this.joinAttempt || this.stopped) return;
        const snapshot = withRoster(result.snapshot, participants, this.stream?.snapshot.online);
        if (this.stream) this.stream.loadSnapshot(snapshot);
        else this.stream = new MeetingEventStream(snapshot);
      } else {
        this.stream?.receive(result.events);
        this.stream?.setOnlineCount(result.onlineCount);
      }
      this.joining = false;
      this.releaseHeld();
      this.error = null;
      this.watchGap();
      this.emit();
      // A new socket (or a room re-entered) watches again; its answer replaces the list.
      if (this.watching) void this.startWatch();
    } catch (err) {
      if (attempt !== this.joinAttempt || this.stopped) return;
      const code = errorCodeOf(err);
      this.joining = false;
      this.releaseHeld();
      this.error = code;
      this.emit();
      // A timeout or a dropped socket is worth another try; a refusal (not a participant…) is not.
      if (code === 'NETWORK' && this.socket.connected) {
        this.timer = setTimeout(() => void this.join(), JOIN_RETRY_MS);
      }
    }
  }

  /**
   * Asks who is in the room. Deltas that arrive meanwhile are held and applied on top of the
   * answer's list, in order: each names people's state as read after their change, so the last word
   * about anyone wins (docs/events/presence.watch.md).
   */
  private async startWatch(): Promise<void> {
    this.watchPending = true;
    try {
      const { online, count } = await sendQuery(this.socket, 'presence.watch', { meetingId: this.meetingId });
      if (!this.watching || this.stopped || !this.stream) return;
      this.stream.setOnline(online, count);
    } catch {
      // Not in the room (a rejoin is on its way, and will watch again) or the socket dropped.
    } finally {
      this.watchPending = false;
      this.releaseHeld();
      this.emit();
    }
  }

  /** Applies what was held while a join or a watch was answered (nothing, before a first snapshot). */
  private releaseHeld(): void {
    if (!this.stream || this.joining || this.watchPending) return;
    if (this.early.length > 0) this.stream.receive(this.early.splice(0));
    for (const delta of this.earlyPresence.splice(0)) {
      if (this.watching)
        this.stream.setOnline(applyPresenceDelta(this.stream.snapshot.online, delta), delta.count);
    }
  }

  private watchGap(): void {
    if (!this.stream?.gap || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.stream?.gap) void this.join();
    }, GAP_GRACE_MS);
  }

  private emit(): void {
    if (this.stopped) return;
    this.onChange({ snapshot: this.stream?.snapshot ?? null, joining: this.joining, error: this.error });
  }
}
