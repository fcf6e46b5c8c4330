import { NotificationListResponseSchema, NotificationSchema } from '@phonghop/common';
import { z } from 'zod';
import { api } from '../../../lib/api-client';

const ReadAllResponseSchema = z.object({ updated: z.number().int().nonnegative() });

/** My in-app notifications (invitations, changes, a meeting starting). */
export const notificationsApi = {
  list: () => api.get('/notifications', { schema: NotificationListResponseSchema, query: { limit: '50' } }),
  markRead: (id: string) =>
    api.post(`/notifications/${id}/read`, { schema: NotificationSchema, idempotent: true }),
  markAllRead: () => api.post('/notifications/read-all', { schema: ReadAllResponseSchema, idempotent: true }),
};
