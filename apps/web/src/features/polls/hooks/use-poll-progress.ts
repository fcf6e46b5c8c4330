import type { PollProgress } from '@phonghop/common';
import { useEffect, useState } from 'react';
import { useSocket } from '../../realtime/state/socket-context';

/**
 * The latest `poll.progress` of each open poll of the meeting (ballots cast / voters, and for a named
 * poll whose chair allows it the live tally). Ephemeral and coalesced by the server: it is not on
 * the log, so after a reconnect the next message (or `poll.mine`) brings it up to date.
 */
export function usePollProgress(meetingId: string): Record<string, PollProgress> {
  const { socket } = useSocket();
  const [progress, setProgress] = useState<Record<string, PollProgress>>({});
  useEffect(() => {
    if (!socket) return;
    const onProgress = (p: PollProgress) => {
      if (p.meetingId !== meetingId) return;
      setProgress((prev) => ({ ...prev, [p.pollId]: p }));
    };
    socket.on('poll.progress', onProgress);
    return () => {
      socket.off('poll.progress', onProgress);
    };
  }, [socket, meetingId]);
  return progress;
}
