"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AgendaItemProgressSchema = exports.SetCurrentAgendaItemFieldsSchema = exports.ReorderAgendaFieldsSchema = exports.UpdateAgendaItemFieldsSchema = exports.AddAgendaItemFieldsSchema = exports.AgendaItemSchema = exports.AgendaItemStatusSchema = exports.AGENDA_ITEM_STATUSES = void 0;
const zod_1 = require("zod");
const text_1 = require("./text");
/** pending → active (the current item; at most one) → done; or skipped. */
exports.AGENDA_ITEM_STATUSES = ['pending', 'active', 'done', 'skipped'];
exports.AgendaItemStatusSchema = zod_1.z.enum(exports.AGENDA_ITEM_STATUSES);
exports.AgendaItemSchema = zod_1.z.object({
    id: (0, text_1.uuid)(),
    /** 1-based, dense: the items of a meeting are 1..n. */
    position: zod_1.z.number().int().positive(),
    title: zod_1.z.string(),
    description: zod_1.z.string(),
    /** Người trình bày (a user id, normally a participant). */
    presenterId: (0, text_1.uuid)().nullable(),
    plannedMinutes: zod_1.z.number().int().nonnegative(),
    status: exports.AgendaItemStatusSchema,
    /** When the item first became current; with endedAt, the actual time spent. */
    startedAt: zod_1.z.iso.datetime().nullable(),
    endedAt: zod_1.z.iso.datetime().nullable(),
});
const itemTitle = (0, text_1.text)({ min: 1, max: 300 });
const itemDescription = (0, text_1.text)({ max: 10_000, multiline: true });
const plannedMinutes = zod_1.z
    .number()
    .int()
    .min(0)
    .max(24 * 60);
/** Fields of a new item. `position` inserts it there (1-based, shifting the rest); default: at the end. */
exports.AddAgendaItemFieldsSchema = zod_1.z.strictObject({
    title: itemTitle,
    description: itemDescription.default(''),
    presenterId: (0, text_1.uuid)().nullable().default(null),
    plannedMinutes: plannedMinutes.default(15),
    position: zod_1.z.number().int().positive().optional(),
});
/**
 * Edits of an item. `status` may only be set to `skipped` (pass over a pending item) or back to
 * `pending`; an item becomes `active`/`done` through `agenda.setCurrent`.
 */
exports.UpdateAgendaItemFieldsSchema = zod_1.z.strictObject({
    title: itemTitle.optional(),
    description: itemDescription.optional(),
    presenterId: (0, text_1.uuid)().nullable().optional(),
    plannedMinutes: plannedMinutes.optional(),
    status: zod_1.z.enum(['pending', 'skipped']).optional(),
});
/** The full new order: every item id of the meeting exactly once. */
exports.ReorderAgendaFieldsSchema = zod_1.z.strictObject({
    itemIds: zod_1.z.array((0, text_1.uuid)()).max(500),
});
/** Makes an item current (the previous one becomes done); null: no current item. */
exports.SetCurrentAgendaItemFieldsSchema = zod_1.z.strictObject({
    itemId: (0, text_1.uuid)().nullable(),
});
/** The timing state of an item after a change of the current item (carried by events). */
exports.AgendaItemProgressSchema = exports.AgendaItemSchema.pick({
    id: true,
    status: true,
    startedAt: true,
    endedAt: true,
});
//# sourceMappingURL=agenda.js.map