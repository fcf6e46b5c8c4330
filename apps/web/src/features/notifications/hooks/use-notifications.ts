import type { Notification, NotificationListResponse } from '@phonghop/common';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { notificationsApi } from '../api/notifications-api';

export const notificationsKey = ['notifications'] as const;

export function useNotifications() {
  return useQuery({ queryKey: notificationsKey, queryFn: notificationsApi.list, staleTime: 60_000 });
}

/** A notification pushed over the socket goes on top of the list at once (no refetch needed). */
export function addPushedNotification(queryClient: QueryClient, notification: Notification): void {
  const list = queryClient.getQueryData<NotificationListResponse>(notificationsKey);
  if (!list) {
    void queryClient.invalidateQueries({ queryKey: notificationsKey });
    return;
  }
  if (list.items.some((n) => n.id === notification.id)) return;
  queryClient.setQueryData<NotificationListResponse>(notificationsKey, {
    items: [notification, ...list.items],
    unreadCount: list.unreadCount + (notification.readAt ? 0 : 1),
  });
}

function markedRead(list: NotificationListResponse, ids: Set<string> | 'all'): NotificationListResponse {
  const now = new Date().toISOString();
  let cleared = 0;
  const items = list.items.map((n) => {
    if (n.readAt || (ids !== 'all' && !ids.has(n.id))) return n;
    cleared++;
    return { ...n, readAt: now };
  });
  return { items, unreadCount: ids === 'all' ? 0 : Math.max(0, list.unreadCount - cleared) };
}

/** Marks read on screen at once, then on the server; the list is refetched either way. */
function useMarkRead<V>(fn: (v: V) => Promise<unknown>, ids: (v: V) => Set<string> | 'all') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onMutate: async (v) => {
      await queryClient.cancelQueries({ queryKey: notificationsKey });
      const list = queryClient.getQueryData<NotificationListResponse>(notificationsKey);
      if (list) queryClient.setQueryData(notificationsKey, markedRead(list, ids(v)));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export const useMarkNotificationRead = () =>
  useMarkRead(
    (id: string) => notificationsApi.markRead(id),
    (id) => new Set([id]),
  );

export const useMarkAllNotificationsRead = () =>
  useMarkRead<void>(
    () => notificationsApi.markAllRead(),
    () => 'all',
  );
