import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useSession } from '../hooks/use-session';

/** Shows its children only to a signed-in user; others go to the sign-in page and come back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'unknown') return <FullPageLoader />;
  if (status === 'signedOut') {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  }
  return children;
}

export function FullPageLoader() {
  return (
    <Center h="100dvh">
      <Loader size="lg" aria-label="loading" />
    </Center>
  );
}
