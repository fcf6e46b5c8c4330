import { useEffect, useState } from 'react';

/**
 * The current time, re-read every `intervalMs`: lists that show "overdue" or "today" follow the
 * clock while they stay open (a tablet left on the meetings page over midnight).
 */
export function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
