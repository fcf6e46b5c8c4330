import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { Stack, type MantineSpacing } from '@mantine/core';
import type { AgendaItem } from '@phonghop/common';
import type { ReactNode } from 'react';

interface SortableAgendaListProps {
  items: AgendaItem[];
  /** Called with every item id in the new order after a drop that moved something. */
  onReorder: (itemIds: string[]) => void;
  renderItem: (item: AgendaItem) => ReactNode;
  gap: MantineSpacing | number;
  testId: string;
}

/**
 * The drag-and-drop agenda list shared by the secretary's editor and the live room: pointer and
 * touch (a 6 px move starts a drag, so a tap still taps) and the keyboard.
 */
export function SortableAgendaList({ items, onReorder, renderItem, gap, testId }: SortableAgendaListProps) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = items.map((item) => item.id);

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onReorder(arrayMove(ids, ids.indexOf(String(active.id)), ids.indexOf(String(over.id))));
  };

  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <Stack gap={gap} data-testid={testId}>
          {items.map(renderItem)}
        </Stack>
      </SortableContext>
    </DndContext>
  );
}
