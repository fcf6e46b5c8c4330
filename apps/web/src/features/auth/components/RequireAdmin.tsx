import type { ReactNode } from 'react';
import { Navigate } from 'react-router-dom';
import { useIsAdmin } from '../hooks/use-session';

/** Admin pages: members are sent home (the server refuses them anyway). */
export function RequireAdmin({ children }: { children: ReactNode }) {
  return useIsAdmin() ? children : <Navigate to="/" replace />;
}
