import { useCallback, useEffect, useState } from 'react';
import { useSocket } from '../../realtime/state/socket-context';
import type { PollEntitlement } from '../state/poll-model';
import { emitWithAck, whenConnected } from '../state/poll-socket';

/**
 * My ballots in this meeting (`poll.mine`): for each open poll the ballots I may cast — mine and
 * one per proxy I hold — with the receipt of any I cast already. Read again whenever `version`
 * changes (the polls' ids, statuses and voter counts: a poll opened or closed, a voter added) and
 * after every reconnect.
 */
export function useMyPolls(meetingId: string, version: string, enabled: boolean) {
  const { socket } = useSocket();
  const [entitlements, setEntitlements] = useState<PollEntitlement[]>([]);
  const [loaded, setLoaded] = useState(false);

  const load = useCallback(async () => {
    if (!socket || !enabled) return;
    await whenConnected(socket);
    try {
      const data = await emitWithAck<{ entitlements: PollEntitlement[] }>(socket, 'poll.mine', { meetingId });
      setEntitlements(data.entitlements);
      setLoaded(true);
    } catch {
      // not answered or refused: the next change or reconnect asks again
    }
  }, [socket, meetingId, enabled]);

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

  return { entitlements, loaded, reload: load };
}
