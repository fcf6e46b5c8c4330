import { notifications } from '@mantine/notifications';
import type { Notification } from '@phonghop/common';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { addPushedNotification, notificationsKey } from '../../notifications/hooks/use-notifications';
import { useSocket } from '../state/socket-context';

/**
 * In-app notifications (invitations, a meeting starting) as toasts and into the bell's list; the
 * meeting lists refresh with them. After a reconnect the list is fetched again: anything pushed
 * while the connection was down was missed.
 */
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
      addPushedNotification(queryClient, n);
      void queryClient.invalidateQueries({ queryKey: ['meetings'] });
    };
    let connectedBefore = socket.connected;
    const onConnect = () => {
      if (connectedBefore) void queryClient.invalidateQueries({ queryKey: notificationsKey });
      connectedBefore = true;
    };
    socket.on('notification.created', show);
    socket.on('connect', onConnect);
    return () => {
      socket.off('notification.created', show);
      socket.off('connect', onConnect);
    };
  }, [socket, t, queryClient]);

  return null;
}
