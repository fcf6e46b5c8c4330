import { useEffect, useState } from 'react';
import { sendQuery } from '../../../lib/socket-command';
import type { AppSocket } from '../../../lib/socket';
import { useSocket } from '../../realtime/state/socket-context';

/*
 * The server's clock, as this screen sees it: `Date.now() + offset`. The offset is measured with
 * `system.ping` (which answers the server time) on every connect: of a few round trips the one with
 * the shortest delay is kept, and the server's time is taken to be the middle of it — so screens
 * agree to within half a round trip, whatever their own clocks say. Timers (speaking time) count
 * against this, never against a per-second broadcast.
 */

let offsetMs = 0;
/** False until the first measurement: before it, this screen's own clock may be far off. */
let synced = false;
const SAMPLES = 3;

/** The server's time now, or null while the offset has not been measured yet. */
export function serverNow(): number | null {
  return synced ? Date.now() + offsetMs : null;
}

async function measure(socket: AppSocket): Promise<void> {
  let best: { rtt: number; offset: number } | null = null;
  for (let i = 0; i < SAMPLES; i++) {
    const sent = Date.now();
    const { serverTime } = await sendQuery(socket, 'system.ping', {});
    const received = Date.now();
    const sample = { rtt: received - sent, offset: Date.parse(serverTime) - (sent + received) / 2 };
    if (!best || sample.rtt < best.rtt) best = sample;
  }
  if (best) {
    offsetMs = best.offset;
    synced = true;
  }
}

/** Keeps the offset measured while a socket is connected. */
export function useServerClockSync(): void {
  const { socket } = useSocket();
  useEffect(() => {
    if (!socket) return;
    const sync = () => void measure(socket).catch(() => undefined);
    if (socket.connected) sync();
    socket.on('connect', sync);
    return () => {
      socket.off('connect', sync);
    };
  }, [socket]);
}

/** The server's time, re-read every `everyMs` (for countdowns); null until the clock is synced. */
export function useServerNow(everyMs = 250): number | null {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNow()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
