import { Button, Group, PasswordInput } from '@mantine/core';
import { IconWand } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { generatePassword } from '../../../lib/generate-password';

interface PasswordFieldProps {
  label: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

/** A new password, typed or generated; generated ones are shown so the admin can hand them over. */
export function PasswordField({ label, value, error, onChange }: PasswordFieldProps) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  return (
    <Group align="flex-end" gap="sm" wrap="nowrap">
      <PasswordInput
        flex={1}
        name="password"
        label={label}
        description={t('users.fields.passwordHint')}
        autoComplete="new-password"
        visibilityToggleButtonProps={{ 'aria-label': t('a11y.togglePassword') }}
        required
        visible={visible}
        onVisibilityChange={setVisible}
        value={value}
        error={error}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
      <Button
        variant="light"
        leftSection={<IconWand size={18} />}
        onClick={() => {
          onChange(generatePassword());
          setVisible(true);
        }}
        mb={error ? 22 : 0}
      >
        {t('users.generatePassword')}
      </Button>
    </Group>
  );
}
