import type { CreateUserRequest, ResetPasswordRequest, UpdateUserRequest, User } from '@phonghop/common';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { session } from '../../../lib/session';
import { usersApi } from '../api/users-api';

const usersKey = ['users'] as const;

export function useUserList(q: string, includeInactive: boolean) {
  return useQuery({
    queryKey: [...usersKey, 'list', q.trim(), includeInactive],
    queryFn: () => usersApi.list(q, includeInactive),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: usersKey });
}

/** Keeps the header in sync when an admin edits their own record. */
function syncSelf(user: User) {
  if (session.getState().user?.id === user.id) session.updateUser(user);
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: CreateUserRequest) => usersApi.create(body),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserRequest }) => usersApi.update(id, body),
    onSuccess: (user) => {
      syncSelf(user);
      return invalidate();
    },
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ResetPasswordRequest }) =>
      usersApi.resetPassword(id, body),
  });
}
