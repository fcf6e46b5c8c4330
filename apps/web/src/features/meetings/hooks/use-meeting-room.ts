import type { AddAgendaItemRequest, MeetingCommandResult, UpdateAgendaItemRequest } from '@phonghop/common';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiRequestError } from '../../../lib/api-error';
import { sendCommand } from '../../../lib/socket-command';
import { isLive, rosterFetchOf, useSocket } from '../../realtime/state/socket-context';
import { MeetingRoomClient, type RoomState } from '../state/meeting-room-client';

export interface MeetingRoom extends RoomState {
  /**
   * Whether what the room shows is live: connected and not catching up. False from the moment the
   * connection is lost until the rejoin from the last seq has been applied.
   */
  live: boolean;
  /** `confirmNoQuorum`: the chair confirmed starting without quorum (recorded in the event). */
  start(confirmNoQuorum?: boolean): Promise<void>;
  end(): Promise<void>;
  setCurrent(itemId: string | null): Promise<void>;
  addItem(fields: AddAgendaItemRequest): Promise<void>;
  updateItem(itemId: string, fields: UpdateAgendaItemRequest): Promise<void>;
  reorder(itemIds: string[]): Promise<void>;
  removeItem(itemId: string): Promise<void>;
  handOver(toUserId: string): Promise<void>;
  /** Whether a screen shows who is in the room (`snapshot.online`), not only how many. */
  watchPresence(on: boolean): void;
}

/**
 * The live state of one meeting room, and the chair's commands on it: each a socket command with
 * its own idempotency key, whose acknowledged event is applied at once (the broadcast copy is dropped).
 */
export function useMeetingRoom(meetingId: string): MeetingRoom {
  const context = useSocket();
  const { socket, status } = context;
  const fetchRoster = rosterFetchOf(context);
  const [state, setState] = useState<RoomState>({ snapshot: null, joining: true, error: null });
  const client = useRef<MeetingRoomClient | null>(null);
  const wantWho = useRef(false);

  useEffect(() => {
    if (!socket) return;
    const room = new MeetingRoomClient(socket, meetingId, setState, fetchRoster);
    client.current = room;
    room.start();
    room.watch(wantWho.current);
    return () => {
      room.stop();
      client.current = null;
    };
  }, [socket, meetingId, fetchRoster]);

  const watchPresence = useCallback((on: boolean) => {
    wantWho.current = on;
    client.current?.watch(on);
  }, []);

  const run = useCallback(
    async (command: (s: NonNullable<typeof socket>) => Promise<MeetingCommandResult>) => {
      if (!socket) throw new ApiRequestError('NETWORK', 0);
      const { event } = await command(socket);
      client.current?.applyOwn(event);
    },
    [socket],
  );

  return {
    ...state,
    live: isLive(status) && !state.joining,
    start: (confirmNoQuorum) =>
      run((s) =>
        sendCommand(s, 'meeting.start', { meetingId, ...(confirmNoQuorum ? { confirmNoQuorum } : {}) }),
      ),
    end: () => run((s) => sendCommand(s, 'meeting.end', { meetingId })),
    setCurrent: (itemId) => run((s) => sendCommand(s, 'agenda.setCurrent', { meetingId, itemId })),
    addItem: (fields) => run((s) => sendCommand(s, 'agenda.add', { meetingId, ...fields })),
    updateItem: (itemId, fields) =>
      run((s) => sendCommand(s, 'agenda.update', { meetingId, itemId, ...fields })),
    reorder: (itemIds) => run((s) => sendCommand(s, 'agenda.reorder', { meetingId, itemIds })),
    removeItem: (itemId) => run((s) => sendCommand(s, 'agenda.remove', { meetingId, itemId })),
    handOver: (toUserId) => run((s) => sendCommand(s, 'meeting.handOver', { meetingId, toUserId })),
    watchPresence,
  };
}
