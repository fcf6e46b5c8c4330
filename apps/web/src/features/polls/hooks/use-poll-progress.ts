import { useEffect, useState } from 'react';
import type { AppSocket } from '../../../lib/socket';
import { useSocket } from '../../realtime/state/socket-context';
import type { PollProgress } from '../state/poll-model';

type ProgressListener = {
  on(e: string, f: (p: PollProgress) => void): void;
  off(e: string, f: (p: PollProgress) => void): void;
};

/**
 * The latest `poll.progress` of each open poll of the meeting (ballots cast / voters, and for a named
 * poll whose chair allows it the live tally). Ephemeral and coalesced by the server: it is not on
 * the log, so after a reconnect the next message (or the snapshot's counts) brings it up to date.
 */
export function usePollProgress(meetingId: string): Record<string, PollProgress> {
  const { socket } = useSocket();
  const [progress, setProgress] = useState<Record<string, PollProgress>>({});
  useEffect(() => {
    if (!socket) return;
    const listener = socket as unknown as ProgressListener & AppSocket;
    const onProgress = (p: PollProgress) => {
      if (p.meetingId !== meetingId) return;
      setProgress((prev) => ({ ...prev, [p.pollId]: p }));
    };
    listener.on('poll.progress', onProgress);
    return () => listener.off('poll.progress', onProgress);
  }, [socket, meetingId]);
  return progress;
}
