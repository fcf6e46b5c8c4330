import type { Ack } from '../ack';

/** Events the server sends on every socket, whatever the domain. */
export interface SystemServerToClientEvents {
  /** The session behind this socket was ended (user disabled, signed out); the socket closes next. */
  'session.revoked': (payload: { reason: 'disabled' | 'logout' | 'password_reset' }) => void;
}

export interface SystemClientToServerEvents {
  /** Round trip check; answers the server time. */
  'system.ping': (payload: Record<string, never>, ack: (ack: Ack<{ serverTime: string }>) => void) => void;
}
