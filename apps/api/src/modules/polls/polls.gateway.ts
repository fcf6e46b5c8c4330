import { WebSocketGateway } from '@nestjs/websockets';
import {
  PollAddVoterCommand,
  PollAddVoterCommandSchema,
  PollCastCommand,
  PollCastCommandSchema,
  PollCloseCommand,
  PollCloseCommandSchema,
  PollCreateCommandSchema,
  PollDeleteCommand,
  PollDeleteCommandSchema,
  PollDefinition,
  PollMineCommand,
  PollMineCommandSchema,
  PollOpenCommand,
  PollOpenCommandSchema,
  PollPublishCommand,
  PollPublishCommandSchema,
  PollUpdateCommandSchema,
} from '@phonghop/common';
import { socketCaller, SocketCommand } from '../../common/socket/socket-command';
import type { AppSocket } from '../realtime/realtime.types';
import { PollsService } from './polls.service';

type WithBase<T> = T & { meetingId: string; idempotencyKey: string };

/** Socket face of voting (thin: the decorator parses and acks, the service acts). */
@WebSocketGateway()
export class PollsGateway {
  constructor(private readonly polls: PollsService) {}

  @SocketCommand('poll.create', PollCreateCommandSchema)
  async create({ meetingId, idempotencyKey, ...def }: WithBase<PollDefinition>, socket: AppSocket) {
    const { event } = await this.polls.create(socketCaller(socket, idempotencyKey), meetingId, def);
    return { event };
  }

  @SocketCommand('poll.update', PollUpdateCommandSchema)
  async update(
    { meetingId, idempotencyKey, pollId, ...def }: WithBase<PollDefinition & { pollId: string }>,
    socket: AppSocket,
  ) {
    const { event } = await this.polls.update(socketCaller(socket, idempotencyKey), meetingId, pollId, def);
    return { event };
  }

  @SocketCommand('poll.delete', PollDeleteCommandSchema)
  async delete({ meetingId, idempotencyKey, pollId }: PollDeleteCommand, socket: AppSocket) {
    const { event } = await this.polls.delete(socketCaller(socket, idempotencyKey), meetingId, pollId);
    return { event };
  }

  @SocketCommand('poll.open', PollOpenCommandSchema)
  async open({ meetingId, idempotencyKey, pollId, confirmNoQuorum }: PollOpenCommand, socket: AppSocket) {
    const caller = socketCaller(socket, idempotencyKey);
    const { event } = await this.polls.open(caller, meetingId, pollId, confirmNoQuorum);
    return { event };
  }

  @SocketCommand('poll.close', PollCloseCommandSchema)
  async close({ meetingId, idempotencyKey, pollId }: PollCloseCommand, socket: AppSocket) {
    const { event } = await this.polls.close(socketCaller(socket, idempotencyKey), meetingId, pollId);
    return { event };
  }

  @SocketCommand('poll.publish', PollPublishCommandSchema)
  async publish({ meetingId, idempotencyKey, pollId }: PollPublishCommand, socket: AppSocket) {
    const { event } = await this.polls.publish(socketCaller(socket, idempotencyKey), meetingId, pollId);
    return { event };
  }

  @SocketCommand('poll.addVoter', PollAddVoterCommandSchema)
  async addVoter({ meetingId, idempotencyKey, pollId, userId }: PollAddVoterCommand, socket: AppSocket) {
    const caller = socketCaller(socket, idempotencyKey);
    const { event } = await this.polls.addVoter(caller, meetingId, pollId, userId);
    return { event };
  }

  @SocketCommand('poll.cast', PollCastCommandSchema)
  cast(command: PollCastCommand, socket: AppSocket) {
    return this.polls.cast(socket.data.user, command);
  }

  @SocketCommand('poll.mine', PollMineCommandSchema)
  mine({ meetingId, pollId }: PollMineCommand, socket: AppSocket) {
    return this.polls.mine(socket.data.user, meetingId, pollId);
  }
}
