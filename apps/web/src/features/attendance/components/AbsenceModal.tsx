import { Button, Group, Modal, Radio, Stack, Textarea } from '@mantine/core';
import { ABSENCE_REASONS, type AbsenceReason, type Participant } from '@phonghop/common';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Absent, with a reason (công tác, ốm, việc riêng, khác + text). */
export function AbsenceModal({
  participant,
  onClose,
  onSubmit,
}: {
  participant: Participant | null;
  onClose(): void;
  onSubmit(fields: { userId: string; absenceReason: AbsenceReason; note?: string }): Promise<void>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<AbsenceReason>('business_trip');
  const [note, setNote] = useState('');
  useEffect(() => {
    setReason('business_trip');
    setNote('');
  }, [participant]);
  const needsNote = reason === 'other' && note.trim() === '';

  return (
    <Modal
      opened={participant !== null}
      onClose={onClose}
      title={t('attendance.absentTitle', { name: participant?.user.fullName ?? '' })}
    >
      <Stack gap="md">
        <Radio.Group
          value={reason}
          onChange={(v) => setReason(v as AbsenceReason)}
          label={t('attendance.reasonLabel')}
        >
          <Stack gap="xs" mt="xs">
            {ABSENCE_REASONS.map((r) => (
              <Radio key={r} value={r} label={t(`attendance.reason.${r}`)} data-testid={`reason-${r}`} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('attendance.note')}
          value={note}
          maxLength={500}
          required={reason === 'other'}
          onChange={(e) => setNote(e.currentTarget.value)}
          data-testid="absence-note"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            disabled={needsNote}
            data-testid="absence-save"
            onClick={() => {
              if (!participant) return;
              const text = note.trim();
              void onSubmit({
                userId: participant.userId,
                absenceReason: reason,
                ...(text ? { note: text } : {}),
              });
              onClose();
            }}
          >
            {t('attendance.absentSave')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
