import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { isPresentStatus, isVotingRole, type MeetingSnapshot, type Participant } from '@phonghop/common';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Ủy quyền: an absent voting member's proxy goes to a present voting member who holds none yet. */
export function ProxyModal({
  from,
  snapshot,
  onClose,
  onSubmit,
}: {
  from: Participant | null;
  snapshot: MeetingSnapshot;
  onClose(): void;
  onSubmit(fromUserId: string, toUserId: string | null): Promise<void>;
}) {
  const { t } = useTranslation();
  const records = snapshot.attendance.records;
  const current = records.find((r) => r.userId === from?.userId)?.proxyHolderId ?? null;
  const [holder, setHolder] = useState<string | null>(current);
  useEffect(() => setHolder(current), [current, from]);
  const holders = snapshot.participants.filter(
    (p) =>
      p.userId !== from?.userId &&
      isVotingRole(p.role) &&
      isPresentStatus(records.find((r) => r.userId === p.userId)?.status) &&
      !records.some(
        (r) => r.proxyHolderId === p.userId && r.userId !== from?.userId && r.status === 'absent',
      ),
  );

  return (
    <Modal
      opened={from !== null}
      onClose={onClose}
      title={t('attendance.proxyTitle', { name: from?.user.fullName ?? '' })}
    >
      <Stack gap="md">
        {holders.length === 0 ? (
          <Text>{t('attendance.noProxyHolder')}</Text>
        ) : (
          <Select
            label={t('attendance.proxyHolder')}
            data={holders.map((p) => ({ value: p.userId, label: p.user.fullName }))}
            value={holder}
            onChange={setHolder}
            data-testid="proxy-holder"
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <Group justify="flex-end">
          {current && (
            <Button
              variant="subtle"
              color="red"
              onClick={() => {
                if (from) void onSubmit(from.userId, null);
                onClose();
              }}
            >
              {t('attendance.withdrawProxy')}
            </Button>
          )}
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!holder || holder === current}
            data-testid="proxy-save"
            onClick={() => {
              if (from && holder) void onSubmit(from.userId, holder);
              onClose();
            }}
          >
            {t('attendance.saveProxy')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
