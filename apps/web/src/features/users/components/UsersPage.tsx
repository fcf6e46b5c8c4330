import { Button, Group, Stack, Switch, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { User } from '@phonghop/common';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserList } from '../hooks/use-users';
import { ResetPasswordModal } from './ResetPasswordModal';
import { ToggleActiveModal } from './ToggleActiveModal';
import { UserFormModal } from './UserFormModal';
import { UserTable, type UserAction } from './UserTable';

type OpenDialog = { kind: 'create' } | { kind: UserAction; user: User } | null;

/** Admin user management: search, create, edit, disable or enable, reset a password. */
export function UsersPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 250);
  const [includeInactive, setIncludeInactive] = useState(true);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const users = useUserList(debouncedSearch, includeInactive);
  const close = () => setDialog(null);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center">
        <Title order={1} size="h2">
          {t('users.title')}
        </Title>
        <Button
          leftSection={<IconUserPlus size={20} />}
          onClick={() => setDialog({ kind: 'create' })}
          data-testid="user-create"
        >
          {t('users.create')}
        </Button>
      </Group>
      <Group gap="md" align="center">
        <TextInput
          flex={1}
          miw={240}
          leftSection={<IconSearch size={20} />}
          placeholder={t('users.searchPlaceholder')}
          aria-label={t('users.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          data-testid="user-search"
        />
        <Switch
          size="md"
          label={t('users.showDisabled')}
          checked={includeInactive}
          onChange={(e) => setIncludeInactive(e.currentTarget.checked)}
        />
      </Group>
      <UserTable
        users={users.data?.items ?? []}
        loading={users.isPending}
        error={users.error}
        onAction={(kind, user) => setDialog({ kind, user })}
      />
      <UserFormModal
        opened={dialog?.kind === 'create' || dialog?.kind === 'edit'}
        user={dialog?.kind === 'edit' ? dialog.user : null}
        onClose={close}
      />
      <ResetPasswordModal user={dialog?.kind === 'resetPassword' ? dialog.user : null} onClose={close} />
      <ToggleActiveModal user={dialog?.kind === 'toggleActive' ? dialog.user : null} onClose={close} />
    </Stack>
  );
}
