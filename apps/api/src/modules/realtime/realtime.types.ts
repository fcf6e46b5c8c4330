import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@phonghop/common';
import type { SocketData } from '../../common/socket/authenticated-io.adapter';

/** Between API nodes (Redis adapter): fan a room event out to this node's sockets (RealtimeService.fanOut). */
type InterServerEvents = {
  'realtime.fanOut': (room: string, event: string, args: unknown[]) => void;
};
export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** Room names. Only the server joins sockets to rooms; clients cannot name one. */
export const rooms = {
  user: (userId: string) => `user:${userId}`,
  meeting: (meetingId: string) => `meeting:${meetingId}`,
  /** The sockets of a meeting room that watch who is in it (`presence.watch`), not only how many. */
  presence: (meetingId: string) => `presence:${meetingId}`,
};
