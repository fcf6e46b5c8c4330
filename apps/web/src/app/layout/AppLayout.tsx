import { AppShell, Burger, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router-dom';
import { BrandMark } from '../../components/BrandMark';
import { NotificationBell } from '../../features/notifications/components/NotificationBell';
import { NotificationListener } from '../../features/realtime/components/NotificationListener';
import { ReconnectBanner } from '../../features/realtime/components/ReconnectBanner';
import { SocketProvider } from '../../features/realtime/state/SocketProvider';
import { MainNav } from './MainNav';
import { UserMenu } from './UserMenu';

/**
 * The signed-in frame: header with notifications and the user menu, a navigation rail, the page,
 * one socket. On a phone (below `sm`) the rail folds away behind a burger and opens as a drawer
 * over the page, closing again when a destination is chosen.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const [navOpened, nav] = useDisclosure(false);
  const { pathname } = useLocation();
  const closeNav = nav.close; // stable (the handlers object is not)
  useEffect(() => closeNav(), [pathname, closeNav]);

  return (
    <SocketProvider>
      <NotificationListener />
      <AppShell
        header={{ height: 68 }}
        navbar={{
          width: { base: 232, sm: 96, lg: 232 },
          breakpoint: 'sm',
          collapsed: { mobile: !navOpened },
        }}
        padding={{ base: 'sm', sm: 'lg' }}
      >
        <AppShell.Header px={{ base: 'xs', sm: 'md' }}>
          <Group h="100%" justify="space-between" wrap="nowrap" gap="xs">
            <Group gap="xs" wrap="nowrap" miw={0}>
              <Burger
                opened={navOpened}
                onClick={nav.toggle}
                hiddenFrom="sm"
                size="md"
                aria-label={t('nav.toggle')}
                data-testid="nav-burger"
              />
              <BrandMark compact />
            </Group>
            <Group gap={4} wrap="nowrap">
              <NotificationBell />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" data-testid="app-navbar">
          <MainNav onNavigate={closeNav} />
        </AppShell.Navbar>
        <AppShell.Main>
          <ReconnectBanner />
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </SocketProvider>
  );
}
