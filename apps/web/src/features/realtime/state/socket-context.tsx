import { createContext, useContext } from 'react';
import type { AppSocket } from '../../../lib/socket';
import { userPeopleFetch, type PeopleFetch } from '../../meetings/state/meeting-people';

/**
 * `connected`: live. `connecting`: the first connection is being made. `reconnecting`: the
 * connection dropped (or the server stopped answering its pings) and socket.io is retrying.
 * `offline`: the browser says it has no network; we wait for it to come back, then reconnect.
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface SocketContextValue {
  socket: AppSocket | null;
  status: ConnectionStatus;
  /** How rooms on this socket fetch their people (a signed-in user's token, or a display's). */
  fetchPeople?: PeopleFetch;
}

export const SocketContext = createContext<SocketContextValue>({ socket: null, status: 'connecting' });

/** The people fetch of the socket in context: the signed-in user's unless the provider says otherwise. */
export function peopleFetchOf(value: SocketContextValue): PeopleFetch {
  return value.fetchPeople ?? userPeopleFetch;
}

export function useSocket(): SocketContextValue {
  return useContext(SocketContext);
}

/** Whether what the screen shows is live: anything but a working connection may be stale. */
export function isLive(status: ConnectionStatus): boolean {
  return status === 'connected';
}
