import { useMemo } from 'react';
import { ApiRequestError } from '../../../lib/api-error';
import { newIdempotencyKey } from '../../../lib/idempotency-key';
import { useSocket } from '../../realtime/state/socket-context';
import type { PollDefinition } from '../state/poll-model';
import { emitWithAck, whenConnected } from '../state/poll-socket';

const MAX_ATTEMPTS = 4;

/**
 * The chair's and secretary's poll commands. Each carries one idempotency key for all its tries, so
 * a retry after a lost ack acts once; the room follows through the `poll.*` events they append.
 */
export function usePollCommands(meetingId: string) {
  const { socket } = useSocket();
  return useMemo(() => {
    const send = async (event: string, fields: Record<string, unknown>) => {
      if (!socket) throw new ApiRequestError('NETWORK', 0);
      const payload = { meetingId, ...fields, idempotencyKey: newIdempotencyKey() };
      for (let attempt = 1; ; attempt++) {
        try {
          await whenConnected(socket);
          await emitWithAck(socket, event, payload);
          return;
        } catch (err) {
          if (!(err instanceof ApiRequestError) || err.code !== 'NETWORK' || attempt >= MAX_ATTEMPTS)
            throw err;
        }
      }
    };
    return {
      create: (definition: PollDefinition) => send('poll.create', { ...definition }),
      update: (pollId: string, definition: PollDefinition) => send('poll.update', { pollId, ...definition }),
      remove: (pollId: string) => send('poll.delete', { pollId }),
      open: (pollId: string, confirmNoQuorum: boolean) =>
        send('poll.open', { pollId, ...(confirmNoQuorum ? { confirmNoQuorum: true } : {}) }),
      close: (pollId: string) => send('poll.close', { pollId }),
      publish: (pollId: string) => send('poll.publish', { pollId }),
      addVoter: (pollId: string, userId: string) => send('poll.addVoter', { pollId, userId }),
    };
  }, [socket, meetingId]);
}
