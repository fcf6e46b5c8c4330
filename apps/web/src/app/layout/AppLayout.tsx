import { AppShell, Group } from '@mantine/core';
import { Outlet } from 'react-router-dom';
import { BrandMark } from '../../components/BrandMark';
import { NotificationBell } from '../../features/notifications/components/NotificationBell';
import { NotificationListener } from '../../features/realtime/components/NotificationListener';
import { ReconnectBanner } from '../../features/realtime/components/ReconnectBanner';
import { SocketProvider } from '../../features/realtime/state/SocketProvider';
import { MainNav } from './MainNav';
import { UserMenu } from './UserMenu';

/** The signed-in frame: header with notifications and the user menu, a navigation rail, the page, one socket. */
export function AppLayout() {
  return (
    <SocketProvider>
      <NotificationListener />
      <AppShell header={{ height: 68 }} navbar={{ width: { base: 96, lg: 232 }, breakpoint: 0 }} padding="lg">
        <AppShell.Header px="md">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <BrandMark />
            <Group gap="xs" wrap="nowrap">
              <NotificationBell />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs">
          <MainNav />
        </AppShell.Navbar>
        <AppShell.Main>
          <ReconnectBanner />
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </SocketProvider>
  );
}
