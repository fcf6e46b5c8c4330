import { mayOrganise } from '@phonghop/common';
import { useSyncExternalStore } from 'react';
import { session, type SessionState } from '../../../lib/session';

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.getState);
}

export function useIsAdmin(): boolean {
  return useSession().user?.systemRole === 'admin';
}

/** May I create meetings? Organisers (thư ký) and admins; the server checks again (ORGANISER_REQUIRED). */
export function useMayOrganise(): boolean {
  const { user } = useSession();
  return user ? mayOrganise(user) : false;
}
