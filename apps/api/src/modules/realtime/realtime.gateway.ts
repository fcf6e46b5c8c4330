import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import { z } from 'zod';
import { runCommand, parsePayload } from '../../common/socket/run-command';
import { RealtimeService } from './realtime.service';
import { AppServer, AppSocket, rooms } from './realtime.types';

/** Connection bookkeeping shared by all domains: each socket joins its user's private room. */
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger('RealtimeGateway');

  constructor(private readonly realtime: RealtimeService) {}

  afterInit(server: AppServer): void {
    this.realtime.attach(server);
  }

  async handleConnection(socket: AppSocket): Promise<void> {
    await socket.join(rooms.user(socket.data.user.id));
  }

  @SubscribeMessage('system.ping')
  ping(@ConnectedSocket() _socket: AppSocket, @MessageBody() payload: unknown) {
    return runCommand(this.logger, () => {
      parsePayload(z.strictObject({}), payload ?? {});
      return { serverTime: new Date().toISOString() };
    });
  }
}
