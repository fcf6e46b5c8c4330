import { Avatar, Box, Button, Divider, Group, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../features/auth/hooks/use-session';
import { LanguageSwitch } from '../../features/preferences/components/LanguageSwitch';
import { session } from '../../lib/session';
import { initials } from '../../lib/initials';

/**
 * Name and title of the signed-in person; the panel holds the language switch and sign-out. A
 * popover (a dialog), not a menu: a menu may only hold menu items, and the switch is a radio group.
 */
export function UserMenu() {
  const { t } = useTranslation();
  const { user } = useSession();
  if (!user) return null;
  return (
    <Popover position="bottom-end" width={300} shadow="md" withinPortal>
      <Popover.Target>
        <UnstyledButton data-testid="user-menu" aria-label={t('userMenu.open')} py={6} px="xs">
          <Group gap="sm" wrap="nowrap">
            <Avatar color="brand" radius="xl" size={44}>
              {initials(user.fullName)}
            </Avatar>
            <Stack gap={0} visibleFrom="sm" maw={220}>
              <Text fw={600} size="sm" truncate data-testid="user-menu-name">
                {user.fullName}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {user.title || user.unit}
              </Text>
            </Stack>
            <IconChevronDown size={18} />
          </Group>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown p="xs" aria-label={t('userMenu.open')}>
        <Box px="sm" py="xs">
          <Text fw={600}>{user.fullName}</Text>
          {user.title && <Text size="sm">{user.title}</Text>}
          {user.unit && (
            <Text size="sm" c="dimmed">
              {user.unit}
            </Text>
          )}
        </Box>
        <Divider my={4} />
        <Text size="sm" fw={500} c="dimmed" px="sm" pt="xs" pb={4}>
          {t('language.label')}
        </Text>
        <Box px="sm" pb="xs">
          <LanguageSwitch fullWidth />
        </Box>
        <Divider my={4} />
        <Button
          variant="subtle"
          color="red"
          fullWidth
          justify="flex-start"
          leftSection={<IconLogout size={20} />}
          onClick={() => void session.signOut()}
          data-testid="sign-out"
        >
          {t('userMenu.signOut')}
        </Button>
      </Popover.Dropdown>
    </Popover>
  );
}
