import type { Notification, NotificationListResponse } from '@phonghop/common';
import { QueryClient } from '@tanstack/react-query';
import { addPushedNotification, notificationsKey } from './use-notifications';

function notification(id: number, readAt: string | null = null): Notification {
  return {
    id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    kind: 'meeting_invitation',
    meetingId: '00000000-0000-4000-8000-00000000aaaa',
    payload: {
      meetingTitle: `Cuộc họp ${id}`,
      startsAt: '2025-07-01T01:00:00.000Z',
      endsAt: '2025-07-01T04:30:00.000Z',
      location: 'Hội trường',
      online: false,
    },
    readAt,
    createdAt: '2025-06-24T01:00:00.000Z',
  };
}

describe('a notification pushed over the socket', () => {
  it('goes on top of the loaded list and counts as unread once', () => {
    const client = new QueryClient();
    client.setQueryData<NotificationListResponse>(notificationsKey, {
      items: [notification(1, '2025-06-24T02:00:00.000Z')],
      unreadCount: 0,
    });
    addPushedNotification(client, notification(2));
    addPushedNotification(client, notification(2)); // a duplicate delivery changes nothing
    const list = client.getQueryData<NotificationListResponse>(notificationsKey);
    expect(list?.items.map((n) => n.payload.meetingTitle)).toEqual(['Cuộc họp 2', 'Cuộc họp 1']);
    expect(list?.unreadCount).toBe(1);
  });

  it('leaves a list not loaded yet to its first fetch', () => {
    const client = new QueryClient();
    addPushedNotification(client, notification(3));
    expect(client.getQueryData(notificationsKey)).toBeUndefined();
  });
});
