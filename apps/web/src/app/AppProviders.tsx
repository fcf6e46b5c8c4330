import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from './query-client';
import { localizedTheme } from './theme';

export function AppProviders({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const theme = useMemo(() => localizedTheme({ close: t('common.close') }), [t, i18n.language]);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      {/* Calendars in the current language, weeks from Monday as on Vietnamese calendars. */}
      <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en' : 'vi', firstDayOfWeek: 1 }}>
        {/* Under the header, centred: clear of the bottom controls on phones and of the header buttons. */}
        <Notifications position="top-center" autoClose={3000} limit={2} containerWidth={440} />
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
