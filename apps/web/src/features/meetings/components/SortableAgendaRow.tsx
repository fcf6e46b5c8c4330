import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon, Group, Paper, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import type { AgendaItem, Participant } from '@phonghop/common';
import { IconClock, IconGripVertical, IconPencil, IconTrash, IconUser } from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { presenterName } from './AgendaOverview';
import classes from './SortableAgendaRow.module.css';

interface SortableAgendaRowProps {
  item: AgendaItem;
  participants: Participant[];
  editable: boolean;
  onEdit: () => void;
  onRemove: () => void;
}

export function SortableAgendaRow({
  item,
  participants,
  editable,
  onEdit,
  onRemove,
}: SortableAgendaRowProps) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({
      id: item.id,
      disabled: !editable,
    });
  const presenter = presenterName(participants, item.presenterId);
  // On a phone the edit and remove buttons go under the text, which then keeps the row's width.
  const wide = useMediaQuery('(min-width: 36em)', true);
  const actions = (
    <Group gap={4} wrap="nowrap">
      <Tooltip label={t('agenda.edit')}>
        <ActionIcon color="gray" aria-label={t('agenda.edit')} onClick={onEdit}>
          <IconPencil size={22} />
        </ActionIcon>
      </Tooltip>
      {(item.status === 'pending' || item.status === 'skipped') && (
        <Tooltip label={t('agenda.remove')}>
          <ActionIcon
            color="red"
            aria-label={t('agenda.remove')}
            onClick={onRemove}
            data-testid="agenda-remove"
          >
            <IconTrash size={22} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );

  return (
    <Paper
      ref={setNodeRef}
      withBorder
      radius="md"
      className={classes.row}
      data-dragging={isDragging || undefined}
      data-testid={`agenda-row-${item.position}`}
      style={{ transform: CSS.Transform.toString(transform), transition }}
    >
      <Group wrap="nowrap" gap="sm">
        {editable && (
          <ActionIcon
            ref={setActivatorNodeRef}
            className={classes.handle}
            color="gray"
            aria-label={t('agenda.dragHandle', { title: item.title })}
            data-testid="agenda-drag-handle"
            {...attributes}
            {...listeners}
          >
            <IconGripVertical size={24} />
          </ActionIcon>
        )}
        <ThemeIcon radius="xl" size={36} variant="light">
          {item.position}
        </ThemeIcon>
        <Stack gap={2} flex={1} miw={0}>
          <Text fw={600} data-testid="agenda-row-title">
            {item.title}
          </Text>
          {item.description && (
            <Text
              size="sm"
              c="dimmed"
              style={{ whiteSpace: 'pre-line' }}
              data-testid="agenda-row-description"
            >
              {item.description}
            </Text>
          )}
          <Group gap="md" c="dimmed">
            {presenter && (
              <Group gap={4}>
                <IconUser size={15} />
                <Text size="sm">{presenter}</Text>
              </Group>
            )}
            <Group gap={4}>
              <IconClock size={15} />
              <Text size="sm">{t('agenda.minutes', { minutes: item.plannedMinutes })}</Text>
            </Group>
          </Group>
          {editable && !wide && actions}
        </Stack>
        {editable && wide && actions}
      </Group>
    </Paper>
  );
}
