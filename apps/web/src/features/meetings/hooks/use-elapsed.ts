import { useEffect, useState } from 'react';

/**
 * Minutes:seconds since `since`, ticking every second (display only; the server keeps the times).
 * With `running` false the clock stands still at its last value: a room that lost its connection
 * does not know whether the item is still being discussed, so its timer must not pretend.
 */
export function useElapsed(since: string | null, running = true): string | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!since || !running) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [since, running]);
  if (!since) return null;
  const seconds = Math.max(0, Math.floor((now - Date.parse(since)) / 1000));
  const mm = Math.floor(seconds / 60);
  const ss = seconds % 60;
  return `${String(mm).padStart(2, '0')}:${String(ss).padStart(2, '0')}`;
}
