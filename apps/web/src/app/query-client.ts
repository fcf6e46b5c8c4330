import { QueryClient } from '@tanstack/react-query';
import { ApiRequestError } from '../lib/api-error';

/** Retries only what may succeed next time: network failures and server errors, not 4xx answers. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      retry: (failureCount, error) =>
        failureCount < 2 && !(error instanceof ApiRequestError && error.status >= 400 && error.status < 500),
    },
    mutations: { retry: false },
  },
});
