import { WebSocketGateway } from '@nestjs/websockets';
import {
  AgendaAddCommandSchema,
  AgendaRemoveCommand,
  AgendaRemoveCommandSchema,
  AgendaReorderCommand,
  AgendaReorderCommandSchema,
  AgendaSetCurrentCommand,
  AgendaSetCurrentCommandSchema,
  AgendaUpdateCommand,
  AgendaUpdateCommandSchema,
} from '@phonghop/common';
import type { z } from 'zod';
import { socketCaller, SocketCommand } from '../../common/socket/socket-command';
import type { AppSocket } from '../realtime/realtime.types';
import { AgendaService } from './agenda.service';

/** Socket face of the agenda commands (thin: the service checks and acts; each answers its event). */
@WebSocketGateway()
export class AgendaGateway {
  constructor(private readonly agenda: AgendaService) {}

  @SocketCommand('agenda.add', AgendaAddCommandSchema)
  async add(
    { meetingId, idempotencyKey, ...fields }: z.infer<typeof AgendaAddCommandSchema>,
    socket: AppSocket,
  ) {
    const { event } = await this.agenda.add(socketCaller(socket, idempotencyKey), meetingId, fields);
    return { event };
  }

  @SocketCommand('agenda.update', AgendaUpdateCommandSchema)
  async update({ meetingId, idempotencyKey, itemId, ...changes }: AgendaUpdateCommand, socket: AppSocket) {
    const caller = socketCaller(socket, idempotencyKey);
    const { event } = await this.agenda.update(caller, meetingId, itemId, changes);
    return { event };
  }

  @SocketCommand('agenda.reorder', AgendaReorderCommandSchema)
  async reorder({ meetingId, idempotencyKey, itemIds }: AgendaReorderCommand, socket: AppSocket) {
    const { event } = await this.agenda.reorder(socketCaller(socket, idempotencyKey), meetingId, { itemIds });
    return { event };
  }

  @SocketCommand('agenda.remove', AgendaRemoveCommandSchema)
  async remove({ meetingId, idempotencyKey, itemId }: AgendaRemoveCommand, socket: AppSocket) {
    const { event } = await this.agenda.remove(socketCaller(socket, idempotencyKey), meetingId, itemId);
    return { event };
  }

  @SocketCommand('agenda.setCurrent', AgendaSetCurrentCommandSchema)
  async setCurrent({ meetingId, idempotencyKey, itemId }: AgendaSetCurrentCommand, socket: AppSocket) {
    const { event } = await this.agenda.setCurrent(socketCaller(socket, idempotencyKey), meetingId, itemId);
    return { event };
  }
}
