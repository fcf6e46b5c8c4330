import type { SystemClientToServerEvents, SystemServerToClientEvents } from './system';

export * from './system';

/** Every event the server may send, for socket.io's typed Server and client Socket. */
export type ServerToClientEvents = SystemServerToClientEvents;
/** Every command a client may send. */
export type ClientToServerEvents = SystemClientToServerEvents;

/** The socket.io path shared by server and web app. */
export const SOCKET_PATH = '/socket.io';
