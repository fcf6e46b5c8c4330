import type { Ack } from '../ack';
import type {
  AgendaAddCommand,
  AgendaRemoveCommand,
  AgendaReorderCommand,
  AgendaSetCurrentCommand,
  AgendaUpdateCommand,
  MeetingCommandResult,
  MeetingEndCommand,
  MeetingHandOverCommand,
  MeetingEvent,
  MeetingJoinCommand,
  MeetingJoinResult,
  MeetingLeaveCommand,
  MeetingStartCommand,
  PresenceChanged,
  PresenceCount,
  PresenceWatchCommand,
  PresenceWatchResult,
} from '../schemas/meeting-events';
import type { Notification } from '../schemas/notifications';

type Command<P, R> = (payload: P, ack: (ack: Ack<R>) => void) => void;

/** Meeting room commands. Specs: docs/events/<name>.md. */
export interface MeetingsClientToServerEvents {
  'meeting.join': Command<MeetingJoinCommand, MeetingJoinResult>;
  'meeting.leave': Command<MeetingLeaveCommand, { left: true }>;
  'presence.watch': Command<PresenceWatchCommand, PresenceWatchResult>;
  'presence.unwatch': Command<PresenceWatchCommand, { watching: false }>;
  'meeting.start': Command<MeetingStartCommand, MeetingCommandResult>;
  'meeting.end': Command<MeetingEndCommand, MeetingCommandResult>;
  'agenda.setCurrent': Command<AgendaSetCurrentCommand, MeetingCommandResult>;
  'agenda.add': Command<AgendaAddCommand, MeetingCommandResult>;
  'agenda.update': Command<AgendaUpdateCommand, MeetingCommandResult>;
  'agenda.reorder': Command<AgendaReorderCommand, MeetingCommandResult>;
  'agenda.remove': Command<AgendaRemoveCommand, MeetingCommandResult>;
  'meeting.handOver': Command<MeetingHandOverCommand, MeetingCommandResult>;
}

export interface MeetingsServerToClientEvents {
  /** Every logged change of a meeting the socket joined, in one channel so clients order by seq. */
  'meeting.event': (event: MeetingEvent) => void;
  /**
   * Several events of one meeting in one message, in seq order: in a big room a node sends the
   * events that came within 20 ms of the room's last message together, once that time has passed
   * (docs/events/meeting.events.md). A client treats each exactly like a `meeting.event`.
   */
  'meeting.events': (events: MeetingEvent[]) => void;
  /** Who came and went (ephemeral), to the sockets that watch the room's presence. */
  'presence.changed': (payload: PresenceChanged) => void;
  /** How many are in the room now (ephemeral), to every socket of the room. */
  'presence.count': (payload: PresenceCount) => void;
  /** A new in-app notification for this user (sent to the user's own room). */
  'notification.created': (notification: Notification) => void;
}

/** The names, for code that needs them as values (no event name typed twice as a string). */
export const MEETING_COMMANDS = [
  'meeting.join',
  'meeting.leave',
  'presence.watch',
  'presence.unwatch',
  'meeting.start',
  'meeting.end',
  'agenda.setCurrent',
  'agenda.add',
  'agenda.update',
  'agenda.reorder',
  'agenda.remove',
  'meeting.handOver',
] as const satisfies readonly (keyof MeetingsClientToServerEvents)[];

export const MEETING_SERVER_EVENTS = [
  'meeting.event',
  'meeting.events',
  'presence.changed',
  'presence.count',
  'notification.created',
] as const satisfies readonly (keyof MeetingsServerToClientEvents)[];
