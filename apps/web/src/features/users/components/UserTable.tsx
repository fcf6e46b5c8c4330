import {
  ActionIcon,
  Alert,
  Badge,
  Center,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import type { User } from '@phonghop/common';
import { IconKey, IconLock, IconLockOpen, IconPencil } from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/use-error-message';

export type UserAction = 'edit' | 'resetPassword' | 'toggleActive';

interface UserTableProps {
  users: User[];
  loading: boolean;
  error: Error | null;
  onAction: (action: UserAction, user: User) => void;
}

export function UserTable({ users, loading, error, onAction }: UserTableProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  // On a phone the badges go under the name (one copy only), freeing a column.
  const wide = useMediaQuery('(min-width: 48em)', true);
  if (loading) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  if (error) return <Alert color="red">{errorMessage(error)}</Alert>;
  if (users.length === 0) {
    return (
      <Text c="dimmed" ta="center" py="xl">
        {t('users.empty')}
      </Text>
    );
  }
  return (
    <Paper withBorder radius="md">
      <Table verticalSpacing="sm" horizontalSpacing="md" striped highlightOnHover data-testid="user-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.columns.person')}</Table.Th>
            <Table.Th visibleFrom="md">{t('users.columns.unit')}</Table.Th>
            {wide && <Table.Th w={150}>{t('users.columns.status')}</Table.Th>}
            <Table.Th ta="right">{t('users.columns.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <UserRow key={user.id} user={user} onAction={onAction} wide={wide} />
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function UserRow({
  user,
  onAction,
  wide,
}: {
  user: User;
  onAction: UserTableProps['onAction'];
  wide: boolean;
}) {
  const { t } = useTranslation();
  return (
    // A disabled account is marked by its badge and a grey row, not by fading (text keeps its contrast).
    <Table.Tr data-testid={`user-row-${user.username}`} bg={user.active ? undefined : 'gray.1'}>
      <Table.Td>
        <Stack gap={2}>
          <Text fw={600}>{user.fullName}</Text>
          <Text size="sm" c="dimmed">
            @{user.username}
            {user.title ? ` · ${user.title}` : ''}
          </Text>
          <Text size="sm" c="dimmed" hiddenFrom="md">
            {user.unit}
          </Text>
          {!wide && <UserBadges user={user} />}
        </Stack>
      </Table.Td>
      <Table.Td visibleFrom="md">
        <Text size="sm">{user.unit}</Text>
      </Table.Td>
      {wide && (
        <Table.Td>
          <UserBadges user={user} />
        </Table.Td>
      )}
      <Table.Td>
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <RowAction
            label={t('users.actions.edit')}
            onClick={() => onAction('edit', user)}
            testId="user-edit"
          >
            <IconPencil size={22} />
          </RowAction>
          <RowAction
            label={t('users.actions.resetPassword')}
            onClick={() => onAction('resetPassword', user)}
            testId="user-reset-password"
          >
            <IconKey size={22} />
          </RowAction>
          <RowAction
            label={user.active ? t('users.actions.disable') : t('users.actions.enable')}
            onClick={() => onAction('toggleActive', user)}
            testId="user-toggle-active"
            color={user.active ? 'red' : 'teal'}
          >
            {user.active ? <IconLock size={22} /> : <IconLockOpen size={22} />}
          </RowAction>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** Role, organiser permission and status; beside the name on a phone, in their own column above. */
function UserBadges({ user }: { user: User }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} align="flex-start">
      {user.systemRole === 'admin' && <StatusBadge color="grape">{t('users.role.admin')}</StatusBadge>}
      {user.systemRole !== 'admin' && user.canOrganise && (
        <StatusBadge color="violet" testId="user-organiser">
          {t('organiser.badge')}
        </StatusBadge>
      )}
      <StatusBadge color={user.active ? 'teal' : 'gray'} testId="user-status">
        {user.active ? t('users.status.active') : t('users.status.disabled')}
      </StatusBadge>
    </Group>
  );
}

interface RowActionProps {
  label: string;
  onClick: () => void;
  testId: string;
  color?: string;
  children: ReactNode;
}

function RowAction({ label, onClick, testId, color, children }: RowActionProps) {
  return (
    <Tooltip label={label} withArrow>
      <ActionIcon aria-label={label} onClick={onClick} data-testid={testId} color={color ?? 'gray'}>
        {children}
      </ActionIcon>
    </Tooltip>
  );
}

function StatusBadge({ color, testId, children }: { color: string; testId?: string; children: ReactNode }) {
  return (
    <Badge color={color} variant="light" size="md" tt="none" fw={600} data-testid={testId}>
      {children}
    </Badge>
  );
}
