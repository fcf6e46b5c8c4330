import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AgendaItem, Participant } from '@phonghop/common';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { useErrorMessage } from '../../../lib/use-error-message';
import {
  useAddAgendaItem,
  useRemoveAgendaItem,
  useReorderAgenda,
  useUpdateAgendaItem,
} from '../hooks/use-meetings';
import { AgendaItemModal } from './AgendaItemModal';
import { SortableAgendaList } from './SortableAgendaList';
import { SortableAgendaRow } from './SortableAgendaRow';

interface AgendaBuilderProps {
  meetingId: string;
  agenda: AgendaItem[];
  participants: Participant[];
  editable: boolean;
}

type Dialog = { kind: 'add' } | { kind: 'edit'; item: AgendaItem } | null;

/**
 * The agenda builder: items in order, dragged by their handle to reorder (mouse, finger or keyboard),
 * each with its presenter and planned duration.
 */
export function AgendaBuilder({ meetingId, agenda, participants, editable }: AgendaBuilderProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const reorder = useReorderAgenda(meetingId);
  const remove = useRemoveAgendaItem(meetingId);
  const add = useAddAgendaItem(meetingId);
  const update = useUpdateAgendaItem(meetingId);
  const [dialog, setDialog] = useState<Dialog>(null);
  // Kept while the confirmation closes, so its text does not vanish mid-animation.
  const [removing, setRemoving] = useState<{ item: AgendaItem; opened: boolean } | null>(null);
  // A finger must move a little before a drag starts, so a tap on the handle is not a drag.
  const total = agenda.reduce((sum, item) => sum + item.plannedMinutes, 0);

  const onReorder = (next: string[]) =>
    reorder
      .mutateAsync(next)
      .catch((err: unknown) => notifications.show({ color: 'red', message: errorMessage(err) }));

  const removeItem = (item: AgendaItem) => {
    setRemoving({ item, opened: false });
    return remove
      .mutateAsync(item.id)
      .catch((err: unknown) => notifications.show({ color: 'red', message: errorMessage(err) }));
  };

  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
      <Group justify="space-between" mb="md">
        <Stack gap={0}>
          <Title order={2} size="h4">
            {t('agenda.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('agenda.summary', { count: agenda.length, minutes: total })}
          </Text>
        </Stack>
        {editable && (
          <Button
            leftSection={<IconPlus size={20} />}
            onClick={() => setDialog({ kind: 'add' })}
            data-testid="agenda-add"
          >
            {t('agenda.add')}
          </Button>
        )}
      </Group>
      {agenda.length === 0 && <Text c="dimmed">{t('agenda.empty')}</Text>}
      {editable && agenda.length > 1 && (
        <Text size="sm" c="dimmed" mb="sm">
          {t('agenda.dragHint')}
        </Text>
      )}
      <SortableAgendaList
        items={agenda}
        onReorder={onReorder}
        gap="xs"
        testId="agenda-builder"
        renderItem={(item) => (
          <SortableAgendaRow
            key={item.id}
            item={item}
            participants={participants}
            editable={editable}
            onEdit={() => setDialog({ kind: 'edit', item })}
            onRemove={() => setRemoving({ item, opened: true })}
          />
        )}
      />
      <AgendaItemModal
        participants={participants}
        opened={dialog !== null}
        item={dialog?.kind === 'edit' ? dialog.item : null}
        onClose={() => setDialog(null)}
        onAdd={(fields) => add.mutateAsync(fields)}
        onUpdate={(itemId, body) => update.mutateAsync({ itemId, body })}
      />
      <ConfirmModal
        opened={removing?.opened ?? false}
        title={t('confirm.removeItemTitle')}
        body={t('confirm.removeItemBody', { title: removing?.item.title ?? '' })}
        confirmLabel={t('agenda.remove')}
        onConfirm={() => removing && void removeItem(removing.item)}
        onCancel={() => setRemoving((r) => r && { ...r, opened: false })}
        testId="agenda-remove-confirm"
      />
    </Paper>
  );
}
