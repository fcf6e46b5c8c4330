import {
  UserListResponseSchema,
  UserDirectoryResponseSchema,
  UserSchema,
  type CreateUserRequest,
  type ResetPasswordRequest,
  type UpdateUserRequest,
} from '@phonghop/common';
import { api } from '../../../lib/api-client';

/** The admin user endpoints of the identity API. */
export const usersApi = {
  list: (q: string, includeInactive: boolean) =>
    api.get('/users', {
      schema: UserListResponseSchema,
      query: { q: q.trim() || undefined, includeInactive: includeInactive ? 'true' : undefined },
    }),
  create: (body: CreateUserRequest) => api.post('/users', { body, schema: UserSchema }),
  update: (id: string, body: UpdateUserRequest) => api.patch(`/users/${id}`, { body, schema: UserSchema }),
  resetPassword: (id: string, body: ResetPasswordRequest) =>
    api.post(`/users/${id}/reset-password`, { body }),
  /** Everyone may search the directory (e.g. to add meeting participants). */
  directory: (q: string) =>
    api.get('/users/directory', { schema: UserDirectoryResponseSchema, query: { q } }),
};
