import { Injectable } from '@nestjs/common';
import {
  CreateDocumentComment,
  DocumentComment,
  DocumentCommentsList,
  canSeeAllComments,
  checkComment,
  checkWithdrawComment,
  commentsOpen,
} from '@phonghop/common';
import { createHash, randomUUID } from 'node:crypto';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock/clock';
import { AppException } from '../../common/errors/app-exception';
import { Caller, enforce } from '../meeting-events/caller';
import { MeetingAccessService } from '../meeting-events/meeting-access.service';
import { CommandResponse, MeetingCommandService } from '../meeting-events/meeting-command.service';
import { DocumentCommentsRepository } from './document-comments.repository';
import { DocumentGate, GatedDocument } from './document-gate';

/**
 * Comments on drafts (góp ý dự thảo). Making and withdrawing one are commands on the meeting log
 * (one transaction: the meeting's lock, the caller's roles and the document access read from the
 * database, the deadline checked against the server's clock, the row, the event). The event holds
 * the text's SHA-256, not the text: the log goes to the whole room (and the hall display), the text
 * only to the chair, the secretary and its author.
 */
@Injectable()
export class DocumentCommentsService {
  constructor(
    private readonly commands: MeetingCommandService,
    private readonly access: MeetingAccessService,
    private readonly gate: DocumentGate,
    private readonly comments: DocumentCommentsRepository,
    private readonly clock: Clock,
  ) {}

  /** All comments for the chair and the secretary; the caller's own for everyone else. */
  async list(user: AuthUser, meetingId: string, documentId: string): Promise<DocumentCommentsList> {
    const { meeting, actor } = await this.access.open(meetingId, user, 'document.comments');
    const document = await this.gate.readable(user, meetingId, documentId, 'document.comments');
    const all = canSeeAllComments(actor);
    const now = this.clock.now();
    return {
      documentId,
      scope: all ? 'all' : 'own',
      deadline: document.commentDeadline?.toISOString() ?? null,
      open: commentsOpen(meeting.status, document.commentDeadline, now).ok,
      serverTime: now.toISOString(),
      comments: await this.comments.list(documentId, all ? null : user.id),
    };
  }

  comment(
    caller: Caller,
    meetingId: string,
    documentId: string,
    request: CreateDocumentComment,
  ): Promise<CommandResponse<DocumentComment>> {
    return this.commands.execute({
      meetingId,
      actor: caller.user,
      command: 'document.comment',
      idempotencyKey: caller.idempotencyKey,
      request: { documentId, ...request },
      handle: async (ctx) => {
        const document = await this.gate.readable(caller.user, meetingId, documentId, 'document.comment');
        enforce(checkComment(ctx.meeting.status, ctx.actor, document.commentDeadline, this.clock.now()));
        const id = randomUUID();
        const bodySha256 = createHash('sha256').update(request.body, 'utf8').digest('hex');
        const page = request.page ?? null;
        await this.comments.insert(ctx.manager, {
          id,
          meetingId,
          documentId,
          authorId: caller.user.id,
          page,
          body: request.body,
          bodySha256,
          createdAt: ctx.at,
          createdSeq: ctx.seq,
        });
        const createdAt = ctx.at.toISOString();
        const stored = (await this.comments.find(ctx.manager, documentId, id))!;
        return {
          type: 'document.commented',
          payload: { comment: { id, documentId, page, authorId: caller.user.id, createdAt, bodySha256 } },
          result: stored,
        };
      },
    });
  }

  withdraw(
    caller: Caller,
    meetingId: string,
    documentId: string,
    commentId: string,
  ): Promise<CommandResponse<DocumentComment>> {
    return this.commands.execute({
      meetingId,
      actor: caller.user,
      command: 'document.withdrawComment',
      idempotencyKey: caller.idempotencyKey,
      request: { documentId, commentId },
      handle: async (ctx) => {
        const document = await this.gate.readable(
          caller.user,
          meetingId,
          documentId,
          'document.withdrawComment',
        );
        const comment = await this.comments.find(ctx.manager, documentId, commentId);
        if (!comment) throw new AppException('COMMENT_NOT_FOUND');
        enforce(
          checkWithdrawComment(
            ctx.meeting.status,
            ctx.actor,
            comment,
            document.commentDeadline,
            this.clock.now(),
          ),
        );
        await this.comments.withdraw(ctx.manager, commentId, ctx.at);
        const at = ctx.at.toISOString();
        return {
          type: 'document.commentWithdrawn',
          payload: { commentId, documentId, at },
          result: { ...comment, withdrawnAt: at },
        };
      },
    });
  }

  /** For the export: the document and every comment, for the chair and the secretary only. */
  async forExport(
    user: AuthUser,
    meetingId: string,
    documentId: string,
  ): Promise<{ document: GatedDocument; meetingTitle: string; comments: DocumentComment[]; at: Date }> {
    const { meeting, actor } = await this.access.open(meetingId, user, 'document.comments.export');
    if (!canSeeAllComments(actor)) throw new AppException('MEETING_ROLE_REQUIRED');
    const document = await this.gate.readable(user, meetingId, documentId, 'document.comments.export');
    const comments = await this.comments.list(documentId, null);
    return { document, meetingTitle: meeting.title, comments, at: this.clock.now() };
  }
}
