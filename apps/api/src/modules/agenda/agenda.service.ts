import { Injectable } from '@nestjs/common';
import type {
  AddAgendaItemRequest,
  AgendaItem,
  ReorderAgendaRequest,
  UpdateAgendaItemRequest,
} from '@phonghop/common';
import {
  AddAgendaItemFieldsSchema,
  checkEditAgenda,
  checkRemoveAgendaItem,
  checkSetAgendaItemStatus,
  checkSetCurrentItem,
  currentItemChange,
  isPermutationOf,
} from '@phonghop/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { Caller, enforce } from '../meeting-events/caller';
import { MeetingAccessService } from '../meeting-events/meeting-access.service';
import {
  CommandContext,
  CommandResponse,
  MeetingCommandService,
} from '../meeting-events/meeting-command.service';
import { AgendaItemPatch, AgendaRepository } from './agenda.repository';

/**
 * The agenda: items added, edited, reordered and removed by the secretary while preparing, by the
 * chair while live; the chair moves the current item. Each change is one command on the meeting
 * event log.
 */
@Injectable()
export class AgendaService {
  constructor(
    private readonly commands: MeetingCommandService,
    private readonly access: MeetingAccessService,
    private readonly agenda: AgendaRepository,
  ) {}

  async list(user: AuthUser, meetingId: string): Promise<AgendaItem[]> {
    await this.access.open(meetingId, user, 'agenda.list');
    return this.agenda.list(meetingId);
  }

  add(
    caller: Caller,
    meetingId: string,
    request: AddAgendaItemRequest,
  ): Promise<CommandResponse<AgendaItem>> {
    const fields = AddAgendaItemFieldsSchema.parse(request);
    return this.commands.execute({
      ...this.spec(caller, meetingId, 'agenda.add', fields),
      handle: async (ctx) => {
        enforce(checkEditAgenda(ctx.meeting.status, ctx.actor));
        if (fields.presenterId) await this.requireParticipant(ctx, fields.presenterId);
        const current = await this.agenda.list(meetingId, ctx.manager);
        const position = Math.min(fields.position ?? current.length + 1, current.length + 1);
        const item: AgendaItem = {
          id: randomUUID(),
          position,
          title: fields.title,
          description: fields.description,
          presenterId: fields.presenterId,
          plannedMinutes: fields.plannedMinutes,
          status: 'pending',
          startedAt: null,
          endedAt: null,
        };
        await this.agenda.insert(ctx.manager, meetingId, item);
        const order = [...current.map((i) => i.id)];
        order.splice(position - 1, 0, item.id);
        return { type: 'agenda.itemAdded', payload: { item, order }, result: item };
      },
    });
  }

  update(
    caller: Caller,
    meetingId: string,
    itemId: string,
    changes: UpdateAgendaItemRequest,
  ): Promise<CommandResponse<AgendaItem>> {
    return this.commands.execute({
      ...this.spec(caller, meetingId, 'agenda.update', { itemId, ...changes }),
      handle: async (ctx) => {
        enforce(checkEditAgenda(ctx.meeting.status, ctx.actor));
        const item = await this.item(ctx.manager, meetingId, itemId);
        if (changes.status) enforce(checkSetAgendaItemStatus(item.status, changes.status));
        if (changes.presenterId) await this.requireParticipant(ctx, changes.presenterId);
        const patch: AgendaItemPatch = {};
        for (const key of ['title', 'description', 'presenterId', 'plannedMinutes', 'status'] as const) {
          if (changes[key] !== undefined && changes[key] !== item[key])
            Object.assign(patch, { [key]: changes[key] });
        }
        await this.agenda.update(ctx.manager, itemId, patch);
        const updated = { ...item, ...patch } as AgendaItem;
        return {
          type: 'agenda.itemUpdated',
          payload: {
            itemId,
            changes: patch as Omit<AgendaItemPatch, 'status'> & { status?: 'pending' | 'skipped' },
          },
          result: updated,
        };
      },
    });
  }

  remove(caller: Caller, meetingId: string, itemId: string): Promise<CommandResponse<null>> {
    return this.commands.execute({
      ...this.spec(caller, meetingId, 'agenda.remove', { itemId }),
      handle: async (ctx) => {
        enforce(checkEditAgenda(ctx.meeting.status, ctx.actor));
        const item = await this.item(ctx.manager, meetingId, itemId);
        enforce(checkRemoveAgendaItem(item.status, item.startedAt));
        await this.agenda.remove(ctx.manager, meetingId, itemId);
        const order = (await this.agenda.list(meetingId, ctx.manager)).map((i) => i.id);
        return { type: 'agenda.itemRemoved', payload: { itemId, order }, result: null };
      },
    });
  }

  reorder(
    caller: Caller,
    meetingId: string,
    request: ReorderAgendaRequest,
  ): Promise<CommandResponse<AgendaItem[]>> {
    return this.commands.execute({
      ...this.spec(caller, meetingId, 'agenda.reorder', request),
      handle: async (ctx) => {
        enforce(checkEditAgenda(ctx.meeting.status, ctx.actor));
        const current = await this.agenda.list(meetingId, ctx.manager);
        // The client's view must be the whole, current agenda; otherwise it reorders something stale.
        if (!isPermutationOf(current, request.itemIds)) throw new AppException('AGENDA_ORDER_MISMATCH');
        await this.agenda.setOrder(ctx.manager, meetingId, request.itemIds);
        const items = await this.agenda.list(meetingId, ctx.manager);
        return { type: 'agenda.reordered', payload: { order: request.itemIds }, result: items };
      },
    });
  }

  setCurrent(
    caller: Caller,
    meetingId: string,
    itemId: string | null,
  ): Promise<CommandResponse<AgendaItem[]>> {
    return this.commands.execute({
      ...this.spec(caller, meetingId, 'agenda.setCurrent', { itemId }),
      handle: async (ctx) => {
        enforce(checkSetCurrentItem(ctx.meeting.status, ctx.actor));
        const current = await this.agenda.list(meetingId, ctx.manager);
        const previous = current.find((i) => i.status === 'active') ?? null;
        if (itemId !== null && !current.some((i) => i.id === itemId))
          throw new AppException('AGENDA_ITEM_NOT_FOUND');
        const items = currentItemChange(current, itemId, ctx.at.toISOString());
        await this.agenda.setProgress(ctx.manager, items);
        return {
          type: 'agenda.currentChanged',
          payload: { itemId, previousItemId: previous?.id ?? null, items },
          result: await this.agenda.list(meetingId, ctx.manager),
        };
      },
    });
  }

  private spec(caller: Caller, meetingId: string, command: string, request: unknown) {
    return { meetingId, actor: caller.user, command, idempotencyKey: caller.idempotencyKey, request };
  }

  private async item(manager: EntityManager, meetingId: string, itemId: string): Promise<AgendaItem> {
    const item = (await this.agenda.list(meetingId, manager)).find((i) => i.id === itemId);
    if (!item) throw new AppException('AGENDA_ITEM_NOT_FOUND');
    return item;
  }

  private async requireParticipant(ctx: CommandContext, userId: string): Promise<void> {
    if (!(await this.agenda.isParticipant(ctx.manager, ctx.meeting.id, userId))) {
      throw new AppException('PARTICIPANT_NOT_FOUND');
    }
  }
}
