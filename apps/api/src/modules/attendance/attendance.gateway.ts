import { Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import {
  AttendanceCheckInCommandSchema,
  AttendanceConfigureCommandSchema,
  AttendanceMarkCommandSchema,
  AttendanceSetProxyCommandSchema,
} from '@phonghop/common';
import { parsePayload, runCommand } from '../../common/socket/run-command';
import type { AppSocket } from '../realtime/realtime.types';
import { AttendanceService } from './attendance.service';

/** Socket face of the attendance commands (thin: parse, call the service, ack with the event). */
@WebSocketGateway()
export class AttendanceGateway {
  private readonly logger = new Logger('AttendanceGateway');

  constructor(private readonly attendance: AttendanceService) {}

  @SubscribeMessage('attendance.checkIn')
  checkIn(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown) {
    return runCommand(this.logger, async () => {
      const { meetingId, idempotencyKey } = parsePayload(AttendanceCheckInCommandSchema, payload);
      const { event } = await this.attendance.checkIn({ user: socket.data.user, idempotencyKey }, meetingId);
      return { event };
    });
  }

  @SubscribeMessage('attendance.mark')
  mark(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown) {
    return runCommand(this.logger, async () => {
      const { meetingId, idempotencyKey, ...request } = parsePayload(AttendanceMarkCommandSchema, payload);
      const { event } = await this.attendance.mark(
        { user: socket.data.user, idempotencyKey },
        meetingId,
        request,
      );
      return { event };
    });
  }

  @SubscribeMessage('attendance.setProxy')
  setProxy(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown) {
    return runCommand(this.logger, async () => {
      const { meetingId, idempotencyKey, fromUserId, toUserId } = parsePayload(
        AttendanceSetProxyCommandSchema,
        payload,
      );
      const { event } = await this.attendance.setProxy(
        { user: socket.data.user, idempotencyKey },
        meetingId,
        fromUserId,
        toUserId,
      );
      return { event };
    });
  }

  @SubscribeMessage('attendance.configure')
  configure(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown) {
    return runCommand(this.logger, async () => {
      const { meetingId, idempotencyKey, ...changes } = parsePayload(
        AttendanceConfigureCommandSchema,
        payload,
      );
      const { event } = await this.attendance.configure(
        { user: socket.data.user, idempotencyKey },
        meetingId,
        changes,
      );
      return { event };
    });
  }
}
