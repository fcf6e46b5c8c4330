import { WebSocketGateway } from '@nestjs/websockets';
import {
  DocumentPresentCommandSchema,
  DocumentStopPresentingCommand,
  DocumentStopPresentingCommandSchema,
  DocumentTurnPageCommand,
  DocumentTurnPageCommandSchema,
} from '@phonghop/common';
import type { z } from 'zod';
import { socketCaller, SocketCommand } from '../../common/socket/socket-command';
import type { AppSocket } from '../realtime/realtime.types';
import { PresentationService } from './presentation.service';

/** Socket face of follow-the-presenter (thin: the decorator parses and acks, the service acts). */
@WebSocketGateway()
export class PresentationGateway {
  constructor(private readonly presentation: PresentationService) {}

  @SocketCommand('document.present', DocumentPresentCommandSchema)
  async present(
    { meetingId, idempotencyKey, documentId, versionId, page }: z.output<typeof DocumentPresentCommandSchema>,
    socket: AppSocket,
  ) {
    const { event } = await this.presentation.present(
      socketCaller(socket, idempotencyKey),
      meetingId,
      documentId,
      versionId,
      page,
    );
    return { event };
  }

  @SocketCommand('document.turnPage', DocumentTurnPageCommandSchema)
  async turnPage({ meetingId, idempotencyKey, page }: DocumentTurnPageCommand, socket: AppSocket) {
    const { event } = await this.presentation.turnPage(socketCaller(socket, idempotencyKey), meetingId, page);
    return { event };
  }

  @SocketCommand('document.stopPresenting', DocumentStopPresentingCommandSchema)
  async stop({ meetingId, idempotencyKey }: DocumentStopPresentingCommand, socket: AppSocket) {
    const { event } = await this.presentation.stop(socketCaller(socket, idempotencyKey), meetingId);
    return { event };
  }
}
