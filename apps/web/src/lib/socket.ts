import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents } from '@phonghop/common';
import { io, type Socket } from 'socket.io-client';
import { session } from './session';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * The one socket.io connection of a signed-in tab. The auth callback runs on every (re)connect
 * attempt and asks for a fresh token, so a reconnect after a long drop never sends an expired one.
 */
export function createAppSocket(): AppSocket {
  return io({
    path: SOCKET_PATH,
    transports: ['websocket'],
    autoConnect: false,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
    auth: (cb) => {
      void session.freshToken().then((token) => cb({ token }));
    },
  });
}

/**
 * Hands every renewed access token (the session refreshes it before expiry) to the open socket
 * with `auth.renew`, so the server does not close it when the old token expires. Returns the
 * unsubscribe. A refused renewal is left to the server: it sends `session.expired` and closes the
 * socket, and the provider refreshes and reconnects.
 */
export function renewOverSocket(socket: AppSocket): () => void {
  let last = session.token;
  return session.subscribe(() => {
    const token = session.token;
    if (!token || token === last) return;
    last = token;
    if (socket.connected) socket.emit('auth.renew', { token }, () => undefined);
  });
}
