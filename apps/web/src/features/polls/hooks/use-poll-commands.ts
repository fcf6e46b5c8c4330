import type { PollDefinitionInput } from '@phonghop/common';
import { useMemo } from 'react';
import { ApiRequestError } from '../../../lib/api-error';
import { sendCommand } from '../../../lib/socket-command';
import { useSocket } from '../../realtime/state/socket-context';

/**
 * The chair's and secretary's poll commands. Each carries one idempotency key for all its tries, so
 * a retry after a lost ack acts once; the room follows through the `poll.*` events they append.
 */
export function usePollCommands(meetingId: string) {
  const { socket } = useSocket();
  return useMemo(() => {
    const need = () => {
      if (!socket) throw new ApiRequestError('NETWORK', 0);
      return socket;
    };
    return {
      create: async (definition: PollDefinitionInput) =>
        void (await sendCommand(need(), 'poll.create', { meetingId, ...definition })),
      update: async (pollId: string, definition: PollDefinitionInput) =>
        void (await sendCommand(need(), 'poll.update', { meetingId, pollId, ...definition })),
      remove: async (pollId: string) =>
        void (await sendCommand(need(), 'poll.delete', { meetingId, pollId })),
      open: async (pollId: string, confirmNoQuorum: boolean) =>
        void (await sendCommand(need(), 'poll.open', {
          meetingId,
          pollId,
          ...(confirmNoQuorum ? { confirmNoQuorum: true } : {}),
        })),
      close: async (pollId: string) => void (await sendCommand(need(), 'poll.close', { meetingId, pollId })),
      publish: async (pollId: string) =>
        void (await sendCommand(need(), 'poll.publish', { meetingId, pollId })),
      addVoter: async (pollId: string, userId: string) =>
        void (await sendCommand(need(), 'poll.addVoter', { meetingId, pollId, userId })),
    };
  }, [socket, meetingId]);
}
