import { Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import {
  AgendaAddCommandSchema,
  AgendaRemoveCommandSchema,
  AgendaReorderCommandSchema,
  AgendaSetCurrentCommandSchema,
  AgendaUpdateCommandSchema,
} from '@phonghop/common';
import { parsePayload, runCommand } from '../../common/socket/run-command';
import type { AppSocket } from '../realtime/realtime.types';
import { AgendaService } from './agenda.service';

/** Socket face of the agenda commands (thin: parse, call the service, ack with the event). */
@WebSocketGateway()
export class AgendaGateway {
  private readonly logger = new Logger('AgendaGateway');

  constructor(private readonly agenda: AgendaService) {}

  @SubscribeMessage('agenda.add')
  add(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown) {
    return runCommand(this.logger, async () => {
      const { meetingId, idempotencyKey, ...fields } = parsePayload(AgendaAddCommandSchema, payload);
      const { event } = await this.agenda.add({ user: socket.data.user, idempotencyKey }, meetingId, fields);
      return { event };
    });
  }

  @SubscribeMessage('agenda.update')
  update(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown) {
    return runCommand(this.logger, async () => {
      const { meetingId, idempotencyKey, itemId, ...changes } = parsePayload(
        AgendaUpdateCommandSchema,
        payload,
      );
      const { event } = await this.agenda.update(
        { user: socket.data.user, idempotencyKey },
        meetingId,
        itemId,
        changes,
      );
      return { event };
    });
  }

  @SubscribeMessage('agenda.reorder')
  reorder(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown) {
    return runCommand(this.logger, async () => {
      const { meetingId, idempotencyKey, itemIds } = parsePayload(AgendaReorderCommandSchema, payload);
      const { event } = await this.agenda.reorder({ user: socket.data.user, idempotencyKey }, meetingId, {
        itemIds,
      });
      return { event };
    });
  }

  @SubscribeMessage('agenda.remove')
  remove(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown) {
    return runCommand(this.logger, async () => {
      const { meetingId, idempotencyKey, itemId } = parsePayload(AgendaRemoveCommandSchema, payload);
      const { event } = await this.agenda.remove(
        { user: socket.data.user, idempotencyKey },
        meetingId,
        itemId,
      );
      return { event };
    });
  }

  @SubscribeMessage('agenda.setCurrent')
  setCurrent(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown) {
    return runCommand(this.logger, async () => {
      const { meetingId, idempotencyKey, itemId } = parsePayload(AgendaSetCurrentCommandSchema, payload);
      const { event } = await this.agenda.setCurrent(
        { user: socket.data.user, idempotencyKey },
        meetingId,
        itemId,
      );
      return { event };
    });
  }
}
