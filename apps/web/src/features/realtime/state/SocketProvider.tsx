import { useEffect, useState, type ReactNode } from 'react';
import { createAppSocket, renewOverSocket, type AppSocket } from '../../../lib/socket';
import { session } from '../../../lib/session';
import { SocketContext, type ConnectionStatus } from './socket-context';

/** Refused by the server's auth middleware with one of these: get a new token, then try again. */
const AUTH_ERRORS = new Set(['TOKEN_EXPIRED', 'UNAUTHENTICATED']);
/** Refused because this account has too many sockets open: try again a little later. */
const TOO_MANY_SOCKETS_RETRY_MS = 10_000;
/** Closed by the server (a restart, a session it could not read): connect again after 0.5–1 s. */
const SERVER_CLOSE_RETRY_MS = 500;

/**
 * Opens the one socket of a signed-in user and tracks its state for the reconnect banner and the
 * room's live/stale state. When the server revokes the session (`session.revoked`) the user is
 * signed out to the sign-in page.
 *
 * A dead connection is noticed two ways: the browser's `offline` event (at once; the socket is
 * closed and opened again on `online`, so no reconnect attempts run into a missing network), and
 * socket.io's heartbeat (the server pings every 2 s and the client gives up after 5 s without one)
 * for a network that fails while the device still believes it is online.
 */
export function SocketProvider({ children }: { children: ReactNode }) {
  const [socket, setSocket] = useState<AppSocket | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>('connecting');

  useEffect(() => {
    const s = createAppSocket();
    let revoked = false;
    let offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    let expired = false;
    s.on('connect', () => setStatus('connected'));
    s.on('disconnect', (reason) => {
      if (revoked || reason === 'io client disconnect') return;
      setStatus('reconnecting');
      // The server closed us (e.g. a restart or a session check): socket.io does not retry on its own.
      // After `session.expired` the token is refreshed first (the auth callback may still trust it).
      if (reason === 'io server disconnect' && expired) {
        expired = false;
        void session.refresh().then((ok) => ok && !revoked && s.connect());
      } else if (reason === 'io server disconnect') {
        // Not at once: a server that closes sockets because it cannot read sessions (its database
        // away) would be hit in a tight loop, and after a restart the whole hall would come at once.
        setTimeout(
          () => !revoked && !s.connected && s.connect(),
          SERVER_CLOSE_RETRY_MS * (1 + Math.random()),
        );
      }
    });
    // The server closes a socket when its access token expires; hand it each renewed token first.
    const stopRenewing = renewOverSocket(s);
    s.on('session.expired', () => {
      expired = true;
    });
    s.on('connect_error', (err: Error & { data?: { code?: string } }) => {
      if (revoked || offline) return;
      setStatus((prev) => (prev === 'connecting' ? 'connecting' : 'reconnecting'));
      if (err.data?.code === 'TOO_MANY_SOCKETS') {
        setTimeout(() => !revoked && s.connect(), TOO_MANY_SOCKETS_RETRY_MS);
      } else if (!s.active && AUTH_ERRORS.has(err.data?.code ?? err.message)) {
        // A refused handshake is not retried by socket.io: refresh the session, then connect again.
        void session.refresh().then((ok) => {
          if (ok && !revoked) setTimeout(() => s.connect(), 1_000);
        });
      }
    });
    s.on('session.revoked', ({ reason }) => {
      revoked = true;
      s.disconnect();
      session.end(reason);
    });
    const onOffline = () => {
      if (revoked) return;
      offline = true;
      setStatus('offline');
      // Stop now rather than after the heartbeat gives up; `online` connects again.
      s.disconnect();
    };
    const onOnline = () => {
      if (revoked || !offline) return;
      offline = false;
      setStatus('reconnecting');
      s.connect();
    };
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
    if (offline) setStatus('offline');
    else s.connect();
    setSocket(s);
    return () => {
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      revoked = true;
      stopRenewing();
      s.removeAllListeners();
      s.disconnect();
      setSocket(null);
    };
  }, []);

  return <SocketContext.Provider value={{ socket, status }}>{children}</SocketContext.Provider>;
}
