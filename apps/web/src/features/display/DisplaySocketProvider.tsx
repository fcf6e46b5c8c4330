import { SOCKET_PATH } from '@phonghop/common';
import { io } from 'socket.io-client';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AppSocket } from '../../lib/socket';
import { displayRosterFetch } from '../meetings/state/meeting-roster';
import { SocketContext, type ConnectionStatus } from '../realtime/state/socket-context';

/** A refused handshake (revoked token, database down) is tried again this often: nobody is there to. */
const REFUSED_RETRY_MS = 10_000;

/**
 * The room display's socket: opened with `auth.displayToken` (watch-only on the server), and given
 * to the same socket context the tablet room uses, so the room client, the server clock and the
 * countdown work unchanged. It reconnects by itself after a drop, a server restart or a refused
 * handshake; `refused` tells the screen its token is not (or no longer) accepted.
 */
export function DisplaySocketProvider({
  displayToken,
  onRefused,
  children,
}: {
  displayToken: string;
  onRefused: (refused: boolean) => void;
  children: ReactNode;
}) {
  const [socket, setSocket] = useState<AppSocket | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>('connecting');

  useEffect(() => {
    const s: AppSocket = io({
      path: SOCKET_PATH,
      transports: ['websocket'],
      autoConnect: false,
      reconnectionDelay: 500,
      reconnectionDelayMax: 5_000,
      auth: { displayToken },
    });
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    s.on('connect', () => {
      setStatus('connected');
      onRefused(false);
    });
    s.on('disconnect', (reason) => {
      if (stopped || reason === 'io client disconnect') return;
      setStatus('reconnecting');
      // The server closed us (restart, or the token was revoked): try again; a revoked token is
      // then refused at the handshake and the screen says so.
      if (reason === 'io server disconnect') s.connect();
    });
    s.on('connect_error', (err: Error & { data?: { code?: string } }) => {
      if (stopped) return;
      setStatus((prev) => (prev === 'connecting' ? 'connecting' : 'reconnecting'));
      if (!s.active) {
        onRefused(err.data?.code === 'DISPLAY_TOKEN_INVALID');
        clearTimeout(retry);
        retry = setTimeout(() => !stopped && s.connect(), REFUSED_RETRY_MS);
      }
    });
    // As on the tablets: stop at once when the browser says the network is gone (rather than after
    // the heartbeat gives up), connect again when it is back; the room client rejoins from its seq.
    const onOffline = () => {
      if (stopped) return;
      setStatus('offline');
      s.disconnect();
    };
    const onOnline = () => {
      if (stopped) return;
      setStatus('reconnecting');
      s.connect();
    };
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
    s.connect();
    setSocket(s);
    return () => {
      stopped = true;
      clearTimeout(retry);
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      s.removeAllListeners();
      s.disconnect();
      setSocket(null);
    };
  }, [displayToken, onRefused]);

  const fetchRoster = useMemo(() => displayRosterFetch(displayToken), [displayToken]);
  return <SocketContext.Provider value={{ socket, status, fetchRoster }}>{children}</SocketContext.Provider>;
}
