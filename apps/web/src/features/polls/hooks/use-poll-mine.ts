import { useCallback, useEffect, useState } from 'react';
import { useSocket } from '../../realtime/state/socket-context';
import type { PollMine } from '@phonghop/common';
import { sendQuery } from '../../../lib/socket-command';
import { whenConnected } from '../state/poll-socket';

/**
 * My ballots in one open poll (`poll.mine`): mine and one per proxy I hold, whether each is cast
 * and, for a named poll, its receipt and choices; plus the progress now. Read again when `version`
 * changes (the poll's voters: a late voter added) and after every reconnect.
 */
export function usePollMine(meetingId: string, pollId: string, version: string, enabled = true) {
  const { socket } = useSocket();
  const [mine, setMine] = useState<PollMine | null>(null);

  const load = useCallback(async () => {
    if (!socket || !enabled) return;
    await whenConnected(socket);
    try {
      setMine(await sendQuery(socket, 'poll.mine', { meetingId, pollId }));
    } catch {
      // not answered or refused: the next change or reconnect asks again
    }
  }, [socket, meetingId, pollId, enabled]);

  useEffect(() => {
    void load();
  }, [load, version]);

  useEffect(() => {
    if (!socket) return;
    const onConnect = () => void load();
    socket.on('connect', onConnect);
    return () => {
      socket.off('connect', onConnect);
    };
  }, [socket, load]);

  return mine;
}
