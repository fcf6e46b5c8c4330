import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { User } from '@phonghop/common';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useUpdateUser } from '../hooks/use-users';

/** Confirms disabling (which signs the person out everywhere at once) or enabling an account. */
export function ToggleActiveModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const update = useUpdateUser();
  const disabling = user?.active ?? true;

  const confirm = async () => {
    if (!user) return;
    try {
      await update.mutateAsync({ id: user.id, body: { active: !user.active } });
      notifications.show({
        color: 'teal',
        message: t(disabling ? 'users.disabled' : 'users.enabled', { name: user.fullName }),
      });
      onClose();
    } catch (err) {
      notifications.show({ color: 'red', message: errorMessage(err) });
    }
  };

  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      size="md"
      title={disabling ? t('users.disableTitle') : t('users.enableTitle')}
    >
      <Stack gap="lg">
        <Text>{t(disabling ? 'users.disableBody' : 'users.enableBody', { name: user?.fullName ?? '' })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={disabling ? 'red' : 'teal'}
            loading={update.isPending}
            onClick={() => void confirm()}
            data-testid="toggle-active-confirm"
          >
            {disabling ? t('users.actions.disable') : t('users.actions.enable')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
