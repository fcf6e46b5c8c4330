import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ResetPasswordRequestSchema, type User } from '@phonghop/common';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../lib/field-errors';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useResetPassword } from '../hooks/use-users';
import { PasswordField } from './PasswordField';

/** Sets a new password; the server ends the user's sessions so the old one stops working at once. */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    setPassword('');
    setError(undefined);
  }, [user]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!user) return;
    const parsed = ResetPasswordRequestSchema.safeParse({ password });
    if (!parsed.success) return setError(fieldErrors(parsed.error, t).password);
    try {
      await reset.mutateAsync({ id: user.id, body: parsed.data });
      notifications.show({ color: 'teal', message: t('users.passwordReset', { name: user.fullName }) });
      onClose();
    } catch (err) {
      notifications.show({ color: 'red', message: errorMessage(err) });
    }
  };

  return (
    <Modal opened={user !== null} onClose={onClose} title={t('users.resetPasswordTitle')}>
      <form onSubmit={submit} noValidate data-testid="reset-password-form">
        <Stack gap="md">
          <Text>{t('users.resetPasswordBody', { name: user?.fullName ?? '' })}</Text>
          <PasswordField
            label={t('users.fields.newPassword')}
            value={password}
            error={error}
            onChange={setPassword}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={reset.isPending} data-testid="reset-password-submit">
              {t('users.actions.resetPassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
