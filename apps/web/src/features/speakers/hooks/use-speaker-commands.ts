import type { SpeakerConfigureCommand, SpeechKind } from '@phonghop/common';
import { useMemo } from 'react';
import { ApiRequestError } from '../../../lib/api-error';
import { sendCommand } from '../../../lib/socket-command';
import { useSocket } from '../../realtime/state/socket-context';

/** The list-of-speakers commands of one meeting; the room follows through the events they append. */
export function useSpeakerCommands(meetingId: string) {
  const { socket } = useSocket();
  return useMemo(() => {
    const need = () => {
      if (!socket) throw new ApiRequestError('NETWORK', 0);
      return socket;
    };
    return {
      request: async (kind: SpeechKind) =>
        void (await sendCommand(need(), 'speaker.request', { meetingId, kind })),
      add: async (userId: string, kind: SpeechKind) =>
        void (await sendCommand(need(), 'speaker.add', { meetingId, userId, kind })),
      withdraw: async (speakerId: string) =>
        void (await sendCommand(need(), 'speaker.withdraw', { meetingId, speakerId })),
      remove: async (speakerId: string) =>
        void (await sendCommand(need(), 'speaker.remove', { meetingId, speakerId })),
      reorder: async (agendaItemId: string, speakerIds: string[]) =>
        void (await sendCommand(need(), 'speaker.reorder', { meetingId, agendaItemId, speakerIds })),
      grant: async (speakerId: string) =>
        void (await sendCommand(need(), 'speaker.grant', { meetingId, speakerId })),
      end: async (speakerId: string) =>
        void (await sendCommand(need(), 'speaker.end', { meetingId, speakerId })),
      configure: async (fields: Omit<SpeakerConfigureCommand, 'meetingId' | 'idempotencyKey'>) =>
        void (await sendCommand(need(), 'speaker.configure', { meetingId, ...fields })),
    };
  }, [socket, meetingId]);
}
