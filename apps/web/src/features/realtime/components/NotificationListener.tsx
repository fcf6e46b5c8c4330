import { notifications } from '@mantine/notifications';
import type { Notification } from '@phonghop/common';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSocket } from '../state/socket-context';

/** In-app notifications (invitations, a meeting starting) as toasts; lists refresh with them. */
export function NotificationListener() {
  const { t } = useTranslation();
  const { socket } = useSocket();
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!socket) return;
    const show = (n: Notification) => {
      notifications.show({
        color: n.kind === 'meeting_started' ? 'red' : 'blue',
        title: t(`notifications.${n.kind}`),
        message: n.payload.meetingTitle,
        autoClose: 8_000,
      });
      void queryClient.invalidateQueries({ queryKey: ['meetings'] });
    };
    socket.on('notification.created', show);
    return () => {
      socket.off('notification.created', show);
    };
  }, [socket, t, queryClient]);

  return null;
}
