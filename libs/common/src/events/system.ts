import type { Ack } from '../ack';
import type { AuthRenewCommand, AuthRenewResult, SessionExpired } from '../schemas/socket-session';

/** Events the server sends on every socket, whatever the domain. */
export interface SystemServerToClientEvents {
  /** The session behind this socket was ended (user disabled, signed out); the socket closes next. */
  'session.revoked': (payload: { reason: 'disabled' | 'logout' | 'password_reset' }) => void;
  /** The socket's access token expired (it was not renewed); the socket closes next. Refresh, reconnect. */
  'session.expired': (payload: SessionExpired) => void;
}

export interface SystemClientToServerEvents {
  /** Round trip check; answers the server time. */
  'system.ping': (payload: Record<string, never>, ack: (ack: Ack<{ serverTime: string }>) => void) => void;
  /** Hands the open socket a fresh access token before its own expires (docs/events/auth.renew.md). */
  'auth.renew': (payload: AuthRenewCommand, ack: (ack: Ack<AuthRenewResult>) => void) => void;
}
