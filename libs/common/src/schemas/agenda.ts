import { z } from 'zod';
import { text, uuid } from './text';

/** pending → active (the current item; at most one) → done; or skipped. */
export const AGENDA_ITEM_STATUSES = ['pending', 'active', 'done', 'skipped'] as const;
export const AgendaItemStatusSchema = z.enum(AGENDA_ITEM_STATUSES);
export type AgendaItemStatus = z.infer<typeof AgendaItemStatusSchema>;

export const AgendaItemSchema = z.object({
  id: uuid(),
  /** 1-based, dense: the items of a meeting are 1..n. */
  position: z.number().int().positive(),
  title: z.string(),
  description: z.string(),
  /** Người trình bày (a user id, normally a participant). */
  presenterId: uuid().nullable(),
  plannedMinutes: z.number().int().nonnegative(),
  status: AgendaItemStatusSchema,
  /** When the item first became current; with endedAt, the actual time spent. */
  startedAt: z.iso.datetime().nullable(),
  endedAt: z.iso.datetime().nullable(),
});
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

const itemTitle = text({ min: 1, max: 300 });
const itemDescription = text({ max: 10_000, multiline: true });
const plannedMinutes = z
  .number()
  .int()
  .min(0)
  .max(24 * 60);

/** Fields of a new item. `position` inserts it there (1-based, shifting the rest); default: at the end. */
export const AddAgendaItemFieldsSchema = z.strictObject({
  title: itemTitle,
  description: itemDescription.default(''),
  presenterId: uuid().nullable().default(null),
  plannedMinutes: plannedMinutes.default(15),
  position: z.number().int().positive().optional(),
});
export type AddAgendaItemRequest = z.input<typeof AddAgendaItemFieldsSchema>;

/**
 * Edits of an item. `status` may only be set to `skipped` (pass over a pending item) or back to
 * `pending`; an item becomes `active`/`done` through `agenda.setCurrent`.
 */
export const UpdateAgendaItemFieldsSchema = z.strictObject({
  title: itemTitle.optional(),
  description: itemDescription.optional(),
  presenterId: uuid().nullable().optional(),
  plannedMinutes: plannedMinutes.optional(),
  status: z.enum(['pending', 'skipped']).optional(),
});
export type UpdateAgendaItemRequest = z.infer<typeof UpdateAgendaItemFieldsSchema>;

/** The full new order: every item id of the meeting exactly once. */
export const ReorderAgendaFieldsSchema = z.strictObject({
  itemIds: z.array(uuid()).max(500),
});
export type ReorderAgendaRequest = z.infer<typeof ReorderAgendaFieldsSchema>;

/** Makes an item current (the previous one becomes done); null: no current item. */
export const SetCurrentAgendaItemFieldsSchema = z.strictObject({
  itemId: uuid().nullable(),
});
export type SetCurrentAgendaItemRequest = z.infer<typeof SetCurrentAgendaItemFieldsSchema>;

/** The timing state of an item after a change of the current item (carried by events). */
export const AgendaItemProgressSchema = AgendaItemSchema.pick({
  id: true,
  status: true,
  startedAt: true,
  endedAt: true,
});
export type AgendaItemProgress = z.infer<typeof AgendaItemProgressSchema>;
