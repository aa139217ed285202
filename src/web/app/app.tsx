import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { I18nProvider } from '../i18n/i18n-provider';
import { isApiError } from '../lib/api-error';
import { AntdConfig } from './antd-config';
import { router } from './router';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors (no access, not found, no session) will not heal by retrying.
      retry: (failureCount, error) => failureCount < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
    },
  },
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <AntdConfig>
          <RouterProvider router={router} />
        </AntdConfig>
      </I18nProvider>
    </QueryClientProvider>
  );
}
