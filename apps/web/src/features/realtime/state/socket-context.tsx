import { createContext, useContext } from 'react';
import type { AppSocket } from '../../../lib/socket';
import { userRosterFetch, type RosterFetch } from '../../meetings/state/meeting-roster';

/**
 * `connected`: live. `connecting`: the first connection is being made. `reconnecting`: the
 * connection dropped (or the server stopped answering its pings) and socket.io is retrying.
 * `offline`: the browser says it has no network; we wait for it to come back, then reconnect.
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface SocketContextValue {
  socket: AppSocket | null;
  status: ConnectionStatus;
  /** How rooms on this socket fetch their roster (a signed-in user's token, or a display's). */
  fetchRoster?: RosterFetch;
}

export const SocketContext = createContext<SocketContextValue>({ socket: null, status: 'connecting' });

/** The roster fetch of the socket in context: the signed-in user's unless the provider says otherwise. */
export function rosterFetchOf(value: SocketContextValue): RosterFetch {
  return value.fetchRoster ?? userRosterFetch;
}

export function useSocket(): SocketContextValue {
  return useContext(SocketContext);
}

/** Whether what the screen shows is live: anything but a working connection may be stale. */
export function isLive(status: ConnectionStatus): boolean {
  return status === 'connected';
}
