import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiHeader, ApiTags } from '@nestjs/swagger';
import {
  DocumentList,
  DocumentUpdateRequestSchema,
  DocumentUploadResult,
  IDEMPOTENCY_KEY_HEADER,
  MeetingDocument,
  uuid,
} from '@phonghop/common';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { AppException } from '../../common/errors/app-exception';
import { IdempotencyKey, MeetingIdPipe } from '../meeting-events/http-params';
import { DocumentsService } from './documents.service';

class DocumentUpdateDto extends createZodDto(DocumentUpdateRequestSchema) {}

const routeUuid = uuid();
/** A document id that is not a uuid is simply not found. */
export const DocumentIdPipe = {
  transform(value: string): string {
    const parsed = routeUuid.safeParse(value);
    if (!parsed.success) throw new AppException('DOCUMENT_NOT_FOUND');
    return parsed.data;
  },
};

/**
 * Meeting documents: upload (multipart, streamed), new versions, metadata changes and removal.
 * Reading the content is the copies module's routes (stamped per reader).
 */
@ApiTags('documents')
@ApiBearerAuth()
@ApiHeader({ name: IDEMPOTENCY_KEY_HEADER, required: false, description: 'uuid; a retry with it acts once' })
@Controller('meetings/:meetingId/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get()
  async list(
    @CurrentUser() user: AuthUser,
    @Param('meetingId', MeetingIdPipe) meetingId: string,
  ): Promise<DocumentList> {
    return { documents: await this.documents.list({ user, idempotencyKey: null }, meetingId) };
  }

  @Post()
  @ApiConsumes('multipart/form-data')
  upload(
    @CurrentUser() user: AuthUser,
    @IdempotencyKey() idempotencyKey: string | null,
    @Param('meetingId', MeetingIdPipe) meetingId: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DocumentUploadResult> {
    return closeOnRefusal(res, this.documents.upload({ user, idempotencyKey }, meetingId, req));
  }

  @Post(':documentId/versions')
  @ApiConsumes('multipart/form-data')
  uploadVersion(
    @CurrentUser() user: AuthUser,
    @IdempotencyKey() idempotencyKey: string | null,
    @Param('meetingId', MeetingIdPipe) meetingId: string,
    @Param('documentId', DocumentIdPipe) documentId: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DocumentUploadResult> {
    return closeOnRefusal(
      res,
      this.documents.uploadVersion({ user, idempotencyKey }, meetingId, documentId, req),
    );
  }

  @Patch(':documentId')
  update(
    @CurrentUser() user: AuthUser,
    @IdempotencyKey() idempotencyKey: string | null,
    @Param('meetingId', MeetingIdPipe) meetingId: string,
    @Param('documentId', DocumentIdPipe) documentId: string,
    @Body() body: DocumentUpdateDto,
  ): Promise<MeetingDocument> {
    return this.documents.update({ user, idempotencyKey }, meetingId, documentId, body);
  }

  @Delete(':documentId')
  @HttpCode(204)
  async remove(
    @CurrentUser() user: AuthUser,
    @IdempotencyKey() idempotencyKey: string | null,
    @Param('meetingId', MeetingIdPipe) meetingId: string,
    @Param('documentId', DocumentIdPipe) documentId: string,
  ): Promise<void> {
    await this.documents.remove({ user, idempotencyKey }, meetingId, documentId);
  }
}

/**
 * A refused upload may leave the rest of its body unread (413 before the body, a refusal
 * mid-stream): the answer closes the connection, so the unread bytes are never taken as the next
 * request and the client stops sending.
 */
async function closeOnRefusal<T>(res: Response, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (!res.headersSent) res.setHeader('Connection', 'close');
    throw err;
  }
}
