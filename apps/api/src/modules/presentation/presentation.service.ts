import { Injectable } from '@nestjs/common';
import type { Presentation } from '@phonghop/common';
import { canReadDocument, checkControlPresentation, checkPresent } from '@phonghop/common';
import { AppException } from '../../common/errors/app-exception';
import { DocumentsRepository } from '../documents/documents.repository';
import { Caller, enforce } from '../meeting-events/caller';
import {
  CommandContext,
  CommandResponse,
  MeetingCommandService,
} from '../meeting-events/meeting-command.service';
import { PresentationRepository } from './presentation.repository';

/**
 * Follow the presenter: the chair or the current item's presenter shows a document version at a
 * page, turns its pages and stops. Each is one command on the meeting log (the room follows through
 * the event stream); a page turn too, so the record says which page was on screen when.
 */
@Injectable()
export class PresentationService {
  constructor(
    private readonly commands: MeetingCommandService,
    private readonly presentations: PresentationRepository,
    private readonly documents: DocumentsRepository,
  ) {}

  present(
    caller: Caller,
    meetingId: string,
    documentId: string,
    versionId: string,
    page: number,
  ): Promise<CommandResponse<Presentation>> {
    return this.commands.execute({
      ...spec(caller, meetingId, 'document.present', { documentId, versionId, page }),
      handle: async (ctx) => {
        const agenda = await this.presentations.agenda(ctx.manager, meetingId);
        enforce(checkPresent(ctx.meeting.status, ctx.actor, agenda));
        await this.presentable(ctx, documentId, versionId, page);
        const at = ctx.at.toISOString();
        const presentation: Presentation = {
          documentId,
          versionId,
          page,
          presenterId: ctx.actor.userId,
          startedAt: at,
          pageAt: at,
        };
        return { type: 'document.presented', payload: { presentation }, result: presentation };
      },
    });
  }

  turnPage(caller: Caller, meetingId: string, page: number): Promise<CommandResponse<Presentation>> {
    return this.commands.execute({
      ...spec(caller, meetingId, 'document.turnPage', { page }),
      handle: async (ctx) => {
        const current = await this.presentations.current(meetingId, ctx.manager);
        enforce(checkControlPresentation(ctx.meeting.status, ctx.actor, current));
        const shown = current as Presentation;
        await this.presentable(ctx, shown.documentId, shown.versionId, page);
        // The chair taking over a turn becomes the presenter from then on.
        const presentation: Presentation = {
          ...shown,
          page,
          presenterId: ctx.actor.userId,
          pageAt: ctx.at.toISOString(),
        };
        return {
          type: 'document.pageTurned',
          payload: { presentation, fromPage: shown.page },
          result: presentation,
        };
      },
    });
  }

  stop(caller: Caller, meetingId: string): Promise<CommandResponse<null>> {
    return this.commands.execute({
      ...spec(caller, meetingId, 'document.stopPresenting', {}),
      handle: async (ctx) => {
        const current = await this.presentations.current(meetingId, ctx.manager);
        enforce(checkControlPresentation(ctx.meeting.status, ctx.actor, current));
        const { documentId, versionId, page } = current as Presentation;
        return {
          type: 'document.presentationStopped',
          payload: { documentId, versionId, page },
          result: null,
        };
      },
    });
  }

  /**
   * The version may be shown at `page`: a live document of this meeting, that version of it, ready
   * (converted), the page within it — and the one presenting may read it (the chair reads every
   * document; an item's presenter may not be among a named document's readers).
   */
  private async presentable(ctx: CommandContext, documentId: string, versionId: string, page: number) {
    const document = await this.documents.find(ctx.meeting.id, documentId, ctx.manager);
    if (!document) throw new AppException('DOCUMENT_NOT_FOUND');
    const version = document.versions.find((v) => v.id === versionId);
    if (!version) throw new AppException('DOCUMENT_VERSION_NOT_FOUND');
    if (!canReadDocument(document, ctx.actor)) throw new AppException('DOCUMENT_NOT_READABLE');
    if (version.status !== 'ready' || version.pageCount === null)
      throw new AppException('DOCUMENT_NOT_READY');
    if (page > version.pageCount) throw new AppException('PRESENTATION_PAGE_OUT_OF_RANGE');
  }
}

function spec(caller: Caller, meetingId: string, command: string, request: unknown) {
  // readsLog: what is presented is the last presentation event (PresentationRepository.current).
  return {
    meetingId,
    actor: caller.user,
    command,
    idempotencyKey: caller.idempotencyKey,
    request,
    readsLog: true,
  };
}
