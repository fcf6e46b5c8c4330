import { createContext, useContext } from 'react';
import type { AppSocket } from '../../../lib/socket';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting';

export interface SocketContextValue {
  socket: AppSocket | null;
  status: ConnectionStatus;
}

export const SocketContext = createContext<SocketContextValue>({ socket: null, status: 'connecting' });

export function useSocket(): SocketContextValue {
  return useContext(SocketContext);
}
