import { Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import {
  SpeakerAddCommandSchema,
  SpeakerConfigureCommandSchema,
  SpeakerEndCommandSchema,
  SpeakerGrantCommandSchema,
  SpeakerRemoveCommandSchema,
  SpeakerReorderCommandSchema,
  SpeakerRequestCommandSchema,
  SpeakerWithdrawCommandSchema,
} from '@phonghop/common';
import { parsePayload, runCommand } from '../../common/socket/run-command';
import type { AppSocket } from '../realtime/realtime.types';
import { SpeakersService } from './speakers.service';

/** Socket face of the list of speakers (thin: parse, call the service, ack with the event). */
@WebSocketGateway()
export class SpeakersGateway {
  private readonly logger = new Logger('SpeakersGateway');

  constructor(private readonly speakers: SpeakersService) {}

  @SubscribeMessage('speaker.request')
  request(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown) {
    return runCommand(this.logger, async () => {
      const { meetingId, idempotencyKey, kind } = parsePayload(SpeakerRequestCommandSchema, payload);
      const { event } = await this.speakers.request(
        { user: socket.data.user, idempotencyKey },
        meetingId,
        kind,
      );
      return { event };
    });
  }

  @SubscribeMessage('speaker.add')
  add(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown) {
    return runCommand(this.logger, async () => {
      const { meetingId, idempotencyKey, userId, kind } = parsePayload(SpeakerAddCommandSchema, payload);
      const { event } = await this.speakers.add(
        { user: socket.data.user, idempotencyKey },
        meetingId,
        userId,
        kind,
      );
      return { event };
    });
  }

  @SubscribeMessage('speaker.withdraw')
  withdraw(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown) {
    return runCommand(this.logger, async () => {
      const { meetingId, idempotencyKey, speakerId } = parsePayload(SpeakerWithdrawCommandSchema, payload);
      const { event } = await this.speakers.withdraw(
        { user: socket.data.user, idempotencyKey },
        meetingId,
        speakerId,
      );
      return { event };
    });
  }

  @SubscribeMessage('speaker.remove')
  remove(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown) {
    return runCommand(this.logger, async () => {
      const { meetingId, idempotencyKey, speakerId } = parsePayload(SpeakerRemoveCommandSchema, payload);
      const { event } = await this.speakers.remove(
        { user: socket.data.user, idempotencyKey },
        meetingId,
        speakerId,
      );
      return { event };
    });
  }

  @SubscribeMessage('speaker.reorder')
  reorder(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown) {
    return runCommand(this.logger, async () => {
      const { meetingId, idempotencyKey, agendaItemId, speakerIds } = parsePayload(
        SpeakerReorderCommandSchema,
        payload,
      );
      const { event } = await this.speakers.reorder(
        { user: socket.data.user, idempotencyKey },
        meetingId,
        agendaItemId,
        speakerIds,
      );
      return { event };
    });
  }

  @SubscribeMessage('speaker.grant')
  grant(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown) {
    return runCommand(this.logger, async () => {
      const { meetingId, idempotencyKey, speakerId, limitSeconds } = parsePayload(
        SpeakerGrantCommandSchema,
        payload,
      );
      const { event } = await this.speakers.grant(
        { user: socket.data.user, idempotencyKey },
        meetingId,
        speakerId,
        limitSeconds,
      );
      return { event };
    });
  }

  @SubscribeMessage('speaker.end')
  end(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown) {
    return runCommand(this.logger, async () => {
      const { meetingId, idempotencyKey, speakerId } = parsePayload(SpeakerEndCommandSchema, payload);
      const { event } = await this.speakers.end(
        { user: socket.data.user, idempotencyKey },
        meetingId,
        speakerId,
      );
      return { event };
    });
  }

  @SubscribeMessage('speaker.configure')
  configure(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown) {
    return runCommand(this.logger, async () => {
      const { meetingId, idempotencyKey, ...changes } = parsePayload(SpeakerConfigureCommandSchema, payload);
      const { event } = await this.speakers.configure(
        { user: socket.data.user, idempotencyKey },
        meetingId,
        changes,
      );
      return { event };
    });
  }
}
