import {
  MeetingEventStream,
  type MeetingEvent,
  type MeetingSnapshot,
  type PresenceChanged,
} from '@phonghop/common';
import { errorCodeOf } from '../../../lib/api-error';
import { sendQuery } from '../../../lib/socket-command';
import type { AppSocket } from '../../../lib/socket';

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
 */
export class MeetingRoomClient {
  private stream: MeetingEventStream | null = null;
  /** Events that arrived before the first snapshot; applied on top of it. */
  private early: MeetingEvent[] = [];
  private earlyOnline: string[] | null = null;
  private joinAttempt = 0;
  private joining = false;
  private error: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private readonly socket: AppSocket,
    readonly meetingId: string,
    private readonly onChange: (state: RoomState) => void,
  ) {}

  start(): void {
    // Listen before joining: an event broadcast during the join must not be missed.
    this.socket.on('meeting.event', this.onEvent);
    this.socket.on('presence.changed', this.onPresence);
    this.socket.on('connect', this.onConnect);
    if (this.socket.connected) void this.join();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.socket.off('meeting.event', this.onEvent);
    this.socket.off('presence.changed', this.onPresence);
    this.socket.off('connect', this.onConnect);
    if (this.socket.connected) {
      void sendQuery(this.socket, 'meeting.leave', { meetingId: this.meetingId }).catch(() => undefined);
    }
  }

  /** The event a command's ack carries (duplicates of the broadcast are dropped by the buffer). */
  applyOwn(event: MeetingEvent): void {
    this.onEvent(event);
  }

  get seq(): number | undefined {
    return this.stream?.seq;
  }

  private onConnect = () => void this.join();

  private onEvent = (event: MeetingEvent) => {
    if (event.meetingId !== this.meetingId) return;
    if (!this.stream) {
      this.early.push(event);
      return;
    }
    this.stream.receive(event);
    this.watchGap();
    this.emit();
  };

  private onPresence = (presence: PresenceChanged) => {
    if (presence.meetingId !== this.meetingId) return;
    if (!this.stream) {
      this.earlyOnline = presence.online;
      return;
    }
    this.stream.setOnline(presence.online);
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
        if (this.stream) this.stream.loadSnapshot(result.snapshot);
        else this.stream = new MeetingEventStream(result.snapshot);
      } else {
        this.stream?.receive(result.events);
      }
      if (this.early.length > 0) this.stream?.receive(this.early.splice(0));
      if (this.earlyOnline) this.stream?.setOnline(this.earlyOnline);
      this.earlyOnline = null;
      this.joining = false;
      this.error = null;
      this.watchGap();
      this.emit();
    } catch (err) {
      if (attempt !== this.joinAttempt || this.stopped) return;
      const code = errorCodeOf(err);
      this.joining = false;
      this.error = code;
      this.emit();
      // A timeout or a dropped socket is worth another try; a refusal (not a participant…) is not.
      if (code === 'NETWORK' && this.socket.connected) {
        this.timer = setTimeout(() => void this.join(), JOIN_RETRY_MS);
      }
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
