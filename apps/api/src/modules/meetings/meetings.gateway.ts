import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import {
  MeetingEndCommandSchema,
  MeetingHandOverCommandSchema,
  MeetingJoinCommandSchema,
  MeetingLeaveCommandSchema,
  MeetingStartCommandSchema,
} from '@phonghop/common';
import { parsePayload, runCommand } from '../../common/socket/run-command';
import type { AppSocket } from '../realtime/realtime.types';
import { MeetingRoomService } from './meeting-room.service';
import { MeetingsService } from './meetings.service';

/** Socket face of the meeting room (thin: parse, call the service, ack). */
@WebSocketGateway()
export class MeetingsGateway implements OnGatewayConnection {
  private readonly logger = new Logger('MeetingsGateway');

  constructor(
    private readonly room: MeetingRoomService,
    private readonly meetings: MeetingsService,
  ) {}

  handleConnection(socket: AppSocket): void {
    this.room.watchDisconnect(socket);
  }

  @SubscribeMessage('meeting.join')
  join(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown) {
    return runCommand(this.logger, () =>
      this.room.join(socket, parsePayload(MeetingJoinCommandSchema, payload)),
    );
  }

  @SubscribeMessage('meeting.leave')
  leave(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown) {
    return runCommand(this.logger, () =>
      this.room.leave(socket, parsePayload(MeetingLeaveCommandSchema, payload).meetingId),
    );
  }

  @SubscribeMessage('meeting.start')
  start(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown) {
    return runCommand(this.logger, async () => {
      const { meetingId, idempotencyKey, confirmNoQuorum } = parsePayload(MeetingStartCommandSchema, payload);
      const caller = { user: socket.data.user, idempotencyKey };
      const { event } = await this.meetings.transition(caller, meetingId, 'live', 'meeting.start', {
        confirmNoQuorum,
      });
      return { event };
    });
  }

  @SubscribeMessage('meeting.handOver')
  handOver(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown) {
    return runCommand(this.logger, async () => {
      const { meetingId, idempotencyKey, toUserId } = parsePayload(MeetingHandOverCommandSchema, payload);
      const caller = { user: socket.data.user, idempotencyKey };
      const { event } = await this.meetings.handOverChair(caller, meetingId, toUserId);
      return { event };
    });
  }

  @SubscribeMessage('meeting.end')
  end(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown) {
    return runCommand(this.logger, async () => {
      const { meetingId, idempotencyKey } = parsePayload(MeetingEndCommandSchema, payload);
      const caller = { user: socket.data.user, idempotencyKey };
      const { event } = await this.meetings.transition(caller, meetingId, 'ended', 'meeting.end');
      return { event };
    });
  }
}
