import type { Presentation } from '@phonghop/common';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useRef, useState } from 'react';
import { sendCommand } from '../../../lib/socket-command';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useSocket } from '../../realtime/state/socket-context';

/**
 * The presenter's side of a presentation: present, turn pages, stop. Page turns are coalesced:
 * while one is in flight no other is sent; when its ack returns, only the page the presenter is on
 * by then is sent (if it changed). Leafing through ten pages costs two or three logged events, and
 * followers land where the presenter stopped (docs/events/document.turnPage.md).
 */
export function usePresenter(meetingId: string, presentation: Presentation | null) {
  const { socket } = useSocket();
  const errorMessage = useErrorMessage();
  const wanted = useRef<number | null>(null);
  const shown = useRef<number | null>(presentation?.page ?? null);
  const inFlight = useRef(false);

  // What the room shows (from the log) is the reference for "changed".
  useEffect(() => {
    if (!inFlight.current) shown.current = presentation?.page ?? null;
  }, [presentation?.page]);

  const fail = useCallback(
    (err: unknown) => notifications.show({ color: 'red', message: errorMessage(err) }),
    [errorMessage],
  );

  const flush = useCallback(async () => {
    if (!socket || inFlight.current) return;
    inFlight.current = true;
    try {
      while (wanted.current !== null && wanted.current !== shown.current) {
        const page = wanted.current;
        wanted.current = null;
        await sendCommand(socket, 'document.turnPage', { meetingId, page });
        shown.current = page;
      }
    } catch (err) {
      fail(err);
    } finally {
      inFlight.current = false;
    }
  }, [socket, meetingId, fail]);

  const turnPage = useCallback(
    (page: number) => {
      wanted.current = page;
      void flush();
    },
    [flush],
  );

  const present = useCallback(
    async (documentId: string, versionId: string, page = 1) => {
      if (!socket) return;
      try {
        await sendCommand(socket, 'document.present', { meetingId, documentId, versionId, page });
        shown.current = page;
      } catch (err) {
        fail(err);
      }
    },
    [socket, meetingId, fail],
  );

  const stop = useCallback(async () => {
    if (!socket) return;
    try {
      await sendCommand(socket, 'document.stopPresenting', { meetingId });
    } catch (err) {
      fail(err);
    }
  }, [socket, meetingId, fail]);

  return { present, turnPage, stop };
}

/**
 * Following the presenter is a local choice (on by default): it is not sent anywhere. Turning it
 * off keeps the reader where it is; on again, it jumps to the presenter's page.
 */
export function useFollowing() {
  const [following, setFollowing] = useState(true);
  return { following, setFollowing };
}
