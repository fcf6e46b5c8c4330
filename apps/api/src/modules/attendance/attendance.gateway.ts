import { WebSocketGateway } from '@nestjs/websockets';
import {
  AttendanceCheckInCommand,
  AttendanceCheckInCommandSchema,
  AttendanceConfigureCommand,
  AttendanceConfigureCommandSchema,
  AttendanceMarkCommand,
  AttendanceMarkCommandSchema,
  AttendanceSetProxyCommand,
  AttendanceSetProxyCommandSchema,
} from '@phonghop/common';
import { socketCaller, SocketCommand } from '../../common/socket/socket-command';
import type { AppSocket } from '../realtime/realtime.types';
import { AttendanceService } from './attendance.service';

/** Socket face of the attendance commands (thin: the decorator parses and acks, the service acts). */
@WebSocketGateway()
export class AttendanceGateway {
  constructor(private readonly attendance: AttendanceService) {}

  @SocketCommand('attendance.checkIn', AttendanceCheckInCommandSchema)
  async checkIn({ meetingId, idempotencyKey }: AttendanceCheckInCommand, socket: AppSocket) {
    const { event } = await this.attendance.checkIn(socketCaller(socket, idempotencyKey), meetingId);
    return { event };
  }

  @SocketCommand('attendance.mark', AttendanceMarkCommandSchema)
  async mark({ meetingId, idempotencyKey, ...request }: AttendanceMarkCommand, socket: AppSocket) {
    const { event } = await this.attendance.mark(socketCaller(socket, idempotencyKey), meetingId, request);
    return { event };
  }

  @SocketCommand('attendance.setProxy', AttendanceSetProxyCommandSchema)
  async setProxy(
    { meetingId, idempotencyKey, fromUserId, toUserId }: AttendanceSetProxyCommand,
    socket: AppSocket,
  ) {
    const { event } = await this.attendance.setProxy(
      socketCaller(socket, idempotencyKey),
      meetingId,
      fromUserId,
      toUserId,
    );
    return { event };
  }

  @SocketCommand('attendance.configure', AttendanceConfigureCommandSchema)
  async configure({ meetingId, idempotencyKey, ...changes }: AttendanceConfigureCommand, socket: AppSocket) {
    const { event } = await this.attendance.configure(
      socketCaller(socket, idempotencyKey),
      meetingId,
      changes,
    );
    return { event };
  }
}
