import { OnGatewayConnection, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { z } from 'zod';
import { SocketCommand } from '../../common/socket/socket-command';
import { RealtimeService } from './realtime.service';
import { AppServer, AppSocket, rooms } from './realtime.types';

const PingSchema = z.strictObject({});

/** Connection bookkeeping shared by all domains: each socket joins its user's private room. */
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection {
  constructor(private readonly realtime: RealtimeService) {}

  afterInit(server: AppServer): void {
    this.realtime.attach(server);
  }

  /** Once its session is found alive (SocketSessions.admit): a socket of an ended one gets nothing. */
  async handleConnection(socket: AppSocket): Promise<void> {
    if (await socket.data.admitted) await socket.join(rooms.user(socket.data.user.id));
  }

  @SocketCommand('system.ping', PingSchema.optional())
  ping() {
    return { serverTime: new Date().toISOString() };
  }
}
