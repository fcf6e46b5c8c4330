import { WebSocketGateway } from '@nestjs/websockets';
import {
  SpeakerAddCommand,
  SpeakerAddCommandSchema,
  SpeakerConfigureCommand,
  SpeakerConfigureCommandSchema,
  SpeakerEndCommand,
  SpeakerEndCommandSchema,
  SpeakerGrantCommand,
  SpeakerGrantCommandSchema,
  SpeakerRemoveCommand,
  SpeakerRemoveCommandSchema,
  SpeakerReorderCommand,
  SpeakerReorderCommandSchema,
  SpeakerRequestCommand,
  SpeakerRequestCommandSchema,
  SpeakerWithdrawCommand,
  SpeakerWithdrawCommandSchema,
} from '@phonghop/common';
import { socketCaller, SocketCommand } from '../../common/socket/socket-command';
import type { AppSocket } from '../realtime/realtime.types';
import { SpeakersService } from './speakers.service';

/** Socket face of the list of speakers (thin: the decorator parses and acks, the service acts). */
@WebSocketGateway()
export class SpeakersGateway {
  constructor(private readonly speakers: SpeakersService) {}

  @SocketCommand('speaker.request', SpeakerRequestCommandSchema)
  async request({ meetingId, idempotencyKey, kind }: SpeakerRequestCommand, socket: AppSocket) {
    const { event } = await this.speakers.request(socketCaller(socket, idempotencyKey), meetingId, kind);
    return { event };
  }

  @SocketCommand('speaker.add', SpeakerAddCommandSchema)
  async add({ meetingId, idempotencyKey, userId, kind }: SpeakerAddCommand, socket: AppSocket) {
    const { event } = await this.speakers.add(socketCaller(socket, idempotencyKey), meetingId, userId, kind);
    return { event };
  }

  @SocketCommand('speaker.withdraw', SpeakerWithdrawCommandSchema)
  async withdraw({ meetingId, idempotencyKey, speakerId }: SpeakerWithdrawCommand, socket: AppSocket) {
    const { event } = await this.speakers.withdraw(
      socketCaller(socket, idempotencyKey),
      meetingId,
      speakerId,
    );
    return { event };
  }

  @SocketCommand('speaker.remove', SpeakerRemoveCommandSchema)
  async remove({ meetingId, idempotencyKey, speakerId }: SpeakerRemoveCommand, socket: AppSocket) {
    const { event } = await this.speakers.remove(socketCaller(socket, idempotencyKey), meetingId, speakerId);
    return { event };
  }

  @SocketCommand('speaker.reorder', SpeakerReorderCommandSchema)
  async reorder(
    { meetingId, idempotencyKey, agendaItemId, speakerIds }: SpeakerReorderCommand,
    socket: AppSocket,
  ) {
    const { event } = await this.speakers.reorder(
      socketCaller(socket, idempotencyKey),
      meetingId,
      agendaItemId,
      speakerIds,
    );
    return { event };
  }

  @SocketCommand('speaker.grant', SpeakerGrantCommandSchema)
  async grant(
    { meetingId, idempotencyKey, speakerId, limitSeconds }: SpeakerGrantCommand,
    socket: AppSocket,
  ) {
    const { event } = await this.speakers.grant(
      socketCaller(socket, idempotencyKey),
      meetingId,
      speakerId,
      limitSeconds,
    );
    return { event };
  }

  @SocketCommand('speaker.end', SpeakerEndCommandSchema)
  async end({ meetingId, idempotencyKey, speakerId }: SpeakerEndCommand, socket: AppSocket) {
    const { event } = await this.speakers.end(socketCaller(socket, idempotencyKey), meetingId, speakerId);
    return { event };
  }

  @SocketCommand('speaker.configure', SpeakerConfigureCommandSchema)
  async configure({ meetingId, idempotencyKey, ...changes }: SpeakerConfigureCommand, socket: AppSocket) {
    const { event } = await this.speakers.configure(socketCaller(socket, idempotencyKey), meetingId, changes);
    return { event };
  }
}
