import { Injectable } from '@nestjs/common';
import type { Presentation } from '@phonghop/common';
import { checkControlPresentation, checkPresent } from '@phonghop/common';
import { AppException } from '../../common/errors/app-exception';
import { Caller, enforce } from '../meeting-events/caller';
import { CommandResponse, MeetingCommandService } from '../meeting-events/meeting-command.service';
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
        const version = await this.presentations.version(ctx.manager, meetingId, documentId, versionId);
        if (!version || !version.ready) throw new AppException('PRESENTATION_DOCUMENT_NOT_FOUND');
        if (version.pageCount !== null && page > version.pageCount) {
          throw new AppException('PRESENTATION_PAGE_OUT_OF_RANGE');
        }
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
        const version = await this.presentations.version(
          ctx.manager,
          meetingId,
          shown.documentId,
          shown.versionId,
        );
        if (!version) throw new AppException('PRESENTATION_DOCUMENT_NOT_FOUND');
        if (version.pageCount !== null && page > version.pageCount) {
          throw new AppException('PRESENTATION_PAGE_OUT_OF_RANGE');
        }
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
}

function spec(caller: Caller, meetingId: string, command: string, request: unknown) {
  return { meetingId, actor: caller.user, command, idempotencyKey: caller.idempotencyKey, request };
}
