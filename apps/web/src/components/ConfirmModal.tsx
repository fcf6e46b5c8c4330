import { Button, Group, Modal, Stack, Text, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface ConfirmModalProps {
  opened: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  color?: MantineColor;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
}

/** Asks before something that cannot be taken back with one tap (removing, sending invitations). */
export function ConfirmModal({
  opened,
  title,
  body,
  confirmLabel,
  color = 'red',
  onConfirm,
  onCancel,
  testId = 'confirm-dialog',
}: ConfirmModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onCancel} title={title} size="md" data-testid={testId}>
      <Stack gap="lg">
        <Text>{body}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} data-testid="confirm-cancel">
            {t('common.cancel')}
          </Button>
          <Button color={color} onClick={onConfirm} data-testid="confirm-ok">
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
