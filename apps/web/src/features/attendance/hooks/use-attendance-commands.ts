import type { AttendanceConfigureCommand, AttendanceMarkCommand } from '@phonghop/common';
import { useMemo } from 'react';
import { ApiRequestError } from '../../../lib/api-error';
import { sendCommand } from '../../../lib/socket-command';
import { useSocket } from '../../realtime/state/socket-context';

type Fields<T> = Omit<T, 'meetingId' | 'idempotencyKey'>;

/**
 * The attendance commands of one meeting. Each is a socket command with its own idempotency key;
 * the room follows through the `attendance.marked` / `attendance.configured` events it appends.
 */
export function useAttendanceCommands(meetingId: string) {
  const { socket } = useSocket();
  return useMemo(() => {
    const need = () => {
      if (!socket) throw new ApiRequestError('NETWORK', 0);
      return socket;
    };
    return {
      checkIn: async () => void (await sendCommand(need(), 'attendance.checkIn', { meetingId })),
      mark: async (fields: Fields<AttendanceMarkCommand>) =>
        void (await sendCommand(need(), 'attendance.mark', { meetingId, ...fields })),
      setProxy: async (fromUserId: string, toUserId: string | null) =>
        void (await sendCommand(need(), 'attendance.setProxy', { meetingId, fromUserId, toUserId })),
      configure: async (fields: Fields<AttendanceConfigureCommand>) =>
        void (await sendCommand(need(), 'attendance.configure', { meetingId, ...fields })),
    };
  }, [socket, meetingId]);
}
