import { OnGatewayConnection, WebSocketGateway } from '@nestjs/websockets';
import {
  MeetingEndCommand,
  MeetingEndCommandSchema,
  MeetingHandOverCommand,
  MeetingHandOverCommandSchema,
  MeetingJoinCommand,
  MeetingJoinCommandSchema,
  MeetingLeaveCommand,
  MeetingLeaveCommandSchema,
  MeetingStartCommand,
  MeetingStartCommandSchema,
  PresenceWatchCommand,
  PresenceWatchCommandSchema,
} from '@phonghop/common';
import { socketCaller, SocketCommand } from '../../common/socket/socket-command';
import type { AppSocket } from '../realtime/realtime.types';
import { MeetingRoomService } from './meeting-room.service';
import { MeetingsService } from './meetings.service';

/** Socket face of the meeting room (thin: the services check and act). */
@WebSocketGateway()
export class MeetingsGateway implements OnGatewayConnection {
  constructor(
    private readonly room: MeetingRoomService,
    private readonly meetings: MeetingsService,
  ) {}

  handleConnection(socket: AppSocket): void {
    this.room.watchDisconnect(socket);
  }

  @SocketCommand('meeting.join', MeetingJoinCommandSchema)
  join(command: MeetingJoinCommand, socket: AppSocket) {
    return this.room.join(socket, command);
  }

  @SocketCommand('meeting.leave', MeetingLeaveCommandSchema)
  leave({ meetingId }: MeetingLeaveCommand, socket: AppSocket) {
    return this.room.leave(socket, meetingId);
  }

  @SocketCommand('presence.watch', PresenceWatchCommandSchema)
  watchPresence({ meetingId }: PresenceWatchCommand, socket: AppSocket) {
    return this.room.watch(socket, meetingId);
  }

  @SocketCommand('presence.unwatch', PresenceWatchCommandSchema)
  unwatchPresence({ meetingId }: PresenceWatchCommand, socket: AppSocket) {
    return this.room.unwatch(socket, meetingId);
  }

  @SocketCommand('meeting.start', MeetingStartCommandSchema)
  async start({ meetingId, idempotencyKey, confirmNoQuorum }: MeetingStartCommand, socket: AppSocket) {
    const caller = socketCaller(socket, idempotencyKey);
    const { event } = await this.meetings.transition(caller, meetingId, 'live', 'meeting.start', {
      confirmNoQuorum,
    });
    return { event };
  }

  @SocketCommand('meeting.handOver', MeetingHandOverCommandSchema)
  async handOver({ meetingId, idempotencyKey, toUserId }: MeetingHandOverCommand, socket: AppSocket) {
    const caller = socketCaller(socket, idempotencyKey);
    const { event } = await this.meetings.handOverChair(caller, meetingId, toUserId);
    return { event };
  }

  @SocketCommand('meeting.end', MeetingEndCommandSchema)
  async end({ meetingId, idempotencyKey }: MeetingEndCommand, socket: AppSocket) {
    const caller = socketCaller(socket, idempotencyKey);
    const { event } = await this.meetings.transition(caller, meetingId, 'ended', 'meeting.end');
    return { event };
  }
}
