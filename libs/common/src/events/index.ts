import type { SystemClientToServerEvents, SystemServerToClientEvents } from './system';
import type { MeetingsClientToServerEvents, MeetingsServerToClientEvents } from './meetings';
import type { AttendanceClientToServerEvents } from './attendance';
import type { SpeakersClientToServerEvents } from './speakers';
import type { PollsClientToServerEvents, PollsServerToClientEvents } from './polls';
import type { DocumentNotesServerToClientEvents } from './document-notes';
import type { PresentationClientToServerEvents } from './presentation';

export * from './system';
export * from './meetings';
export * from './attendance';
export * from './speakers';
export * from './polls';
export * from './document-notes';
export * from './presentation';

/** Every event the server may send, for socket.io's typed Server and client Socket. */
export type ServerToClientEvents = SystemServerToClientEvents &
  MeetingsServerToClientEvents &
  PollsServerToClientEvents &
  DocumentNotesServerToClientEvents;
/** Every command a client may send. */
export type ClientToServerEvents = SystemClientToServerEvents &
  MeetingsClientToServerEvents &
  AttendanceClientToServerEvents &
  SpeakersClientToServerEvents &
  PollsClientToServerEvents &
  PresentationClientToServerEvents;

/** The socket.io path shared by server and web app. */
export const SOCKET_PATH = '/socket.io';
