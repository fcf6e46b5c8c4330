import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  PipeTransform,
  Post,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import {
  CreateDocumentCommentSchema,
  CreateDocumentNoteSchema,
  DocumentComment,
  DocumentCommentsList,
  DocumentNote,
  DocumentNotesList,
  ErrorCode,
  IDEMPOTENCY_KEY_HEADER,
  UpdateDocumentNoteSchema,
  uuid,
} from '@phonghop/common';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { AppException } from '../../common/errors/app-exception';
import { IdempotencyKey, MeetingIdPipe } from '../meeting-events/http-params';
import { documentContentDisposition } from '../documents/content-disposition';
import { renderCommentsPdf } from './comments-export';
import { DocumentCommentsService } from './document-comments.service';
import { DocumentNotesService } from './document-notes.service';

class CreateNoteDto extends createZodDto(CreateDocumentNoteSchema) {}
class UpdateNoteDto extends createZodDto(UpdateDocumentNoteSchema) {}
class CreateCommentDto extends createZodDto(CreateDocumentCommentSchema) {}

const routeUuid = uuid();
/** A route id that must be a uuid; anything else is answered as that thing not found. */
class IdOr404 implements PipeTransform<string, string> {
  constructor(private readonly code: ErrorCode) {}
  transform(value: string): string {
    const parsed = routeUuid.safeParse(value);
    if (!parsed.success) throw new AppException(this.code);
    return parsed.data;
  }
}
const DocumentIdPipe = new IdOr404('DOCUMENT_NOT_FOUND');
const NoteIdPipe = new IdOr404('NOTE_NOT_FOUND');
const CommentIdPipe = new IdOr404('COMMENT_NOT_FOUND');

/**
 * Private notes (only ever the caller's own) and comments on drafts, under the document's route.
 * Thin: parse, call the service, answer.
 */
@ApiTags('document-notes')
@ApiBearerAuth()
@Controller('meetings/:meetingId/documents/:documentId')
export class DocumentNotesController {
  constructor(
    private readonly notes: DocumentNotesService,
    private readonly comments: DocumentCommentsService,
  ) {}

  @Get('notes')
  async listNotes(
    @CurrentUser() user: AuthUser,
    @Param('meetingId', MeetingIdPipe) meetingId: string,
    @Param('documentId', DocumentIdPipe) documentId: string,
  ): Promise<DocumentNotesList> {
    return { notes: await this.notes.list(user, meetingId, documentId) };
  }

  /** 201 with the new note; 200 with the same note when this id was already created (a retry). */
  @Post('notes')
  async createNote(
    @CurrentUser() user: AuthUser,
    @Param('meetingId', MeetingIdPipe) meetingId: string,
    @Param('documentId', DocumentIdPipe) documentId: string,
    @Body() body: CreateNoteDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DocumentNote> {
    const { note, created } = await this.notes.create(user, meetingId, documentId, body);
    res.status(created ? 201 : 200);
    return note;
  }

  @Patch('notes/:noteId')
  updateNote(
    @CurrentUser() user: AuthUser,
    @Param('meetingId', MeetingIdPipe) meetingId: string,
    @Param('documentId', DocumentIdPipe) documentId: string,
    @Param('noteId', NoteIdPipe) noteId: string,
    @Body() body: UpdateNoteDto,
  ): Promise<DocumentNote> {
    return this.notes.update(user, meetingId, documentId, noteId, body);
  }

  @Delete('notes/:noteId')
  @HttpCode(204)
  async deleteNote(
    @CurrentUser() user: AuthUser,
    @Param('meetingId', MeetingIdPipe) meetingId: string,
    @Param('documentId', DocumentIdPipe) documentId: string,
    @Param('noteId', NoteIdPipe) noteId: string,
  ): Promise<void> {
    await this.notes.remove(user, meetingId, documentId, noteId);
  }

  @Get('comments')
  listComments(
    @CurrentUser() user: AuthUser,
    @Param('meetingId', MeetingIdPipe) meetingId: string,
    @Param('documentId', DocumentIdPipe) documentId: string,
  ): Promise<DocumentCommentsList> {
    return this.comments.list(user, meetingId, documentId);
  }

  @Post('comments')
  @ApiHeader({
    name: IDEMPOTENCY_KEY_HEADER,
    required: false,
    description: 'uuid; a retry with it acts once',
  })
  async createComment(
    @CurrentUser() user: AuthUser,
    @IdempotencyKey() idempotencyKey: string | null,
    @Param('meetingId', MeetingIdPipe) meetingId: string,
    @Param('documentId', DocumentIdPipe) documentId: string,
    @Body() body: CreateCommentDto,
  ): Promise<DocumentComment> {
    return (await this.comments.comment({ user, idempotencyKey }, meetingId, documentId, body)).result;
  }

  @Post('comments/:commentId/withdraw')
  @HttpCode(200)
  @ApiHeader({
    name: IDEMPOTENCY_KEY_HEADER,
    required: false,
    description: 'uuid; a retry with it acts once',
  })
  async withdrawComment(
    @CurrentUser() user: AuthUser,
    @IdempotencyKey() idempotencyKey: string | null,
    @Param('meetingId', MeetingIdPipe) meetingId: string,
    @Param('documentId', DocumentIdPipe) documentId: string,
    @Param('commentId', CommentIdPipe) commentId: string,
  ): Promise<DocumentComment> {
    return (await this.comments.withdraw({ user, idempotencyKey }, meetingId, documentId, commentId)).result;
  }

  /** "Tổng hợp ý kiến góp ý" as a PDF (chair, secretary, admin). */
  @Get('comments/export')
  async exportComments(
    @CurrentUser() user: AuthUser,
    @Param('meetingId', MeetingIdPipe) meetingId: string,
    @Param('documentId', DocumentIdPipe) documentId: string,
    @Res() res: Response,
  ): Promise<void> {
    const data = await this.comments.forExport(user, meetingId, documentId);
    const pdf = await renderCommentsPdf({
      meetingTitle: data.meetingTitle,
      documentTitle: data.document.title,
      deadline: data.document.commentDeadline,
      at: data.at,
      comments: data.comments,
    });
    res
      .status(200)
      .set({
        'content-type': 'application/pdf',
        // The documents module's header: safe for any title, Vietnamese kept in filename*.
        'content-disposition': documentContentDisposition(`Tổng hợp góp ý - ${data.document.title}.pdf`),
        'cache-control': 'private, no-store',
      })
      .send(Buffer.from(pdf));
  }
}
