import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import {
  ActionIcon,
  Button,
  Group,
  Menu,
  Paper,
  Stack,
  Text,
  ThemeIcon,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  checkEditAgenda,
  checkRemoveAgendaItem,
  checkSetAgendaItemStatus,
  checkSetCurrentItem,
  isPausedItem,
  type AgendaItem,
  type MeetingActor,
} from '@phonghop/common';
import {
  IconArrowBackUp,
  IconDots,
  IconGripVertical,
  IconPencil,
  IconPlayerPlay,
  IconPlayerTrackNext,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/use-error-message';
import type { MeetingRoom } from '../hooks/use-meeting-room';
import { AgendaItemModal } from './AgendaItemModal';
import { SortableAgendaList } from './SortableAgendaList';
import classes from './MeetingRoom.module.css';

type Dialog = { kind: 'add' } | { kind: 'edit'; item: AgendaItem } | null;

function inOrder(agenda: readonly AgendaItem[], itemIds: readonly string[] | null): AgendaItem[] {
  const sorted = [...agenda].sort((a, b) => a.position - b.position);
  if (!itemIds) return sorted;
  const byId = new Map(sorted.map((item) => [item.id, item]));
  const ordered = itemIds.flatMap((id, index) => {
    const item = byId.get(id);
    return item ? [{ ...item, position: index + 1 }] : [];
  });
  // An item added by someone else meanwhile: the server's order wins, so show it as it is.
  return ordered.length === sorted.length ? ordered : sorted;
}

/**
 * The agenda, the current item highlighted. The chair may jump to any item and, while the meeting
 * is live, add items, reorder them (drag the handle with a finger, mouse or keyboard), skip a
 * pending item or bring a skipped one back — each a socket command on the meeting's event log.
 */
export function RoomAgenda({ room, actor }: { room: MeetingRoom; actor: MeetingActor }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [dialog, setDialog] = useState<Dialog>(null);
  // While a reorder is on its way, the dropped order stays on screen (the row must not jump back).
  const [pendingOrder, setPendingOrder] = useState<string[] | null>(null);
  const snapshot = room.snapshot;
  if (!snapshot) return null;
  const status = snapshot.meeting.status;
  const canJump = checkSetCurrentItem(status, actor).ok;
  // Live edits are the chair's; before the meeting the agenda is prepared in the editor.
  const canEdit = status === 'live' && checkEditAgenda(status, actor).ok;
  const items = inOrder(snapshot.agenda, pendingOrder);

  const fail = (err: unknown) => notifications.show({ color: 'red', message: errorMessage(err) });

  const onReorder = (next: string[]) => {
    setPendingOrder(next);
    room
      .reorder(next)
      .catch(fail)
      .finally(() => setPendingOrder(null));
  };

  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={2} size="h4">
          {t('agenda.title')}
        </Title>
        {canEdit && (
          <Button
            disabled={!room.live}
            size="sm"
            variant="light"
            leftSection={<IconPlus size={18} />}
            onClick={() => setDialog({ kind: 'add' })}
            data-testid="room-agenda-add"
          >
            {t('agenda.add')}
          </Button>
        )}
      </Group>
      {items.length === 0 && <Text c="dimmed">{t('agenda.empty')}</Text>}
      {canEdit && items.length > 1 && (
        <Text size="xs" c="dimmed" mb="xs">
          {t('agenda.dragHint')}
        </Text>
      )}
      <fieldset disabled={!room.live} className={classes.controls} data-live={room.live}>
        <SortableAgendaList
          items={items}
          onReorder={onReorder}
          gap={4}
          testId="room-agenda"
          renderItem={(item) => (
            <RoomAgendaRow
              key={item.id}
              item={item}
              canJump={canJump}
              canEdit={canEdit}
              onJump={() => void room.setCurrent(item.id).catch(fail)}
              onEdit={() => setDialog({ kind: 'edit', item })}
              onSetStatus={(next) => void room.updateItem(item.id, { status: next }).catch(fail)}
              onRemove={() => void room.removeItem(item.id).catch(fail)}
            />
          )}
        />
      </fieldset>
      {canEdit && (
        <AgendaItemModal
          participants={snapshot.participants}
          opened={dialog !== null}
          item={dialog?.kind === 'edit' ? dialog.item : null}
          onClose={() => setDialog(null)}
          onAdd={(fields) => room.addItem(fields)}
          onUpdate={(itemId, fields) => room.updateItem(itemId, fields)}
        />
      )}
    </Paper>
  );
}

interface RoomAgendaRowProps {
  item: AgendaItem;
  canJump: boolean;
  canEdit: boolean;
  onJump: () => void;
  onEdit: () => void;
  onSetStatus: (status: 'pending' | 'skipped') => void;
  onRemove: () => void;
}

function RoomAgendaRow({
  item,
  canJump,
  canEdit,
  onJump,
  onEdit,
  onSetStatus,
  onRemove,
}: RoomAgendaRowProps) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({ id: item.id, disabled: !canEdit });
  const current = item.status === 'active';
  const skipped = item.status === 'skipped';
  const canSkip = item.status === 'pending' && checkSetAgendaItemStatus(item.status, 'skipped').ok;
  const canUnskip = skipped && checkSetAgendaItemStatus(item.status, 'pending').ok;
  const canRemove = checkRemoveAgendaItem(item.status, item.startedAt).ok;

  return (
    <div
      ref={setNodeRef}
      className={classes.agendaRow}
      data-testid="room-agenda-item"
      data-current={current}
      data-status={item.status}
      data-paused={isPausedItem(item) || undefined}
      data-dragging={isDragging || undefined}
      style={{ transform: CSS.Transform.toString(transform), transition }}
    >
      {canEdit && (
        <ActionIcon
          ref={setActivatorNodeRef}
          className={classes.handle}
          color="gray"
          aria-label={t('agenda.dragHandle', { title: item.title })}
          data-testid="room-drag-handle"
          {...attributes}
          {...listeners}
        >
          <IconGripVertical size={22} />
        </ActionIcon>
      )}
      <ThemeIcon
        radius="xl"
        size={34}
        variant={current ? 'filled' : 'light'}
        color={item.status === 'done' ? 'teal' : skipped ? 'gray' : 'brand'}
      >
        {item.position}
      </ThemeIcon>
      <Stack gap={0} flex={1} miw={0}>
        <Text
          fw={current ? 700 : 500}
          lineClamp={2}
          className={classes.agendaTitle}
          data-testid="room-agenda-title"
        >
          {item.title}
        </Text>
        <Text size="xs" c={current ? 'red.8' : 'dimmed'} fw={current ? 600 : 400}>
          {current ? t('agenda.status.active') : t('agenda.minutes', { minutes: item.plannedMinutes })}
          {item.status === 'done' || skipped ? ` · ${t(`agenda.status.${item.status}`)}` : ''}
          {isPausedItem(item) ? ` · ${t('agenda.status.paused')}` : ''}
        </Text>
      </Stack>
      {canJump && !current && (
        <Tooltip label={t('room.jump')}>
          <ActionIcon aria-label={t('room.jump')} onClick={onJump} data-testid="room-jump">
            <IconPlayerPlay size={20} />
          </ActionIcon>
        </Tooltip>
      )}
      {canEdit && (
        <Menu position="bottom-end" withinPortal shadow="md" width={240}>
          <Menu.Target>
            <ActionIcon color="gray" aria-label={t('room.itemActions')} data-testid="room-item-menu">
              <IconDots size={20} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item
              leftSection={<IconPencil size={18} />}
              onClick={onEdit}
              py="sm"
              data-testid="room-item-edit"
            >
              {t('agenda.edit')}
            </Menu.Item>
            {canSkip && (
              <Menu.Item
                leftSection={<IconPlayerTrackNext size={18} />}
                onClick={() => onSetStatus('skipped')}
                py="sm"
                data-testid="room-item-skip"
              >
                {t('room.skip')}
              </Menu.Item>
            )}
            {canUnskip && (
              <Menu.Item
                leftSection={<IconArrowBackUp size={18} />}
                onClick={() => onSetStatus('pending')}
                py="sm"
                data-testid="room-item-unskip"
              >
                {t('room.unskip')}
              </Menu.Item>
            )}
            {canRemove && (
              <Menu.Item
                color="red"
                leftSection={<IconTrash size={18} />}
                onClick={onRemove}
                py="sm"
                data-testid="room-item-remove"
              >
                {t('agenda.remove')}
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      )}
    </div>
  );
}
