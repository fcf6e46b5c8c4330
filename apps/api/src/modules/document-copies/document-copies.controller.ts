import { Controller, Get, Headers, Param, PipeTransform, Query, Res } from '@nestjs/common';
import { uuid } from '@phonghop/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { AppException } from '../../common/errors/app-exception';
import { documentContentDisposition } from '../documents/content-disposition';
import { MeetingIdPipe } from '../meeting-events/http-params';
import { DocumentCopiesService, StampedFile, ViewedCopy } from './document-copies.service';
import { PAGE_WIDTH_DEFAULT, PAGE_WIDTH_MAX, PAGE_WIDTH_MIN } from './page-renderer';

const routeUuid = uuid();
/** An id that is not a uuid is simply not found (ids are never explained). */
const uuidOr = (
  code: 'DOCUMENT_NOT_FOUND' | 'DOCUMENT_VERSION_NOT_FOUND',
): PipeTransform<string, string> => ({
  transform(value: string): string {
    const parsed = routeUuid.safeParse(value);
    if (!parsed.success) throw new AppException(code);
    return parsed.data;
  },
});
const DocumentIdPipe = uuidOr('DOCUMENT_NOT_FOUND');
const VersionIdPipe = uuidOr('DOCUMENT_VERSION_NOT_FOUND');

/** A stamped copy is one person's: never cached by a browser or a proxy, never sniffed. */
function noStore(res: Response): void {
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
}

function sendPdf(res: Response, file: StampedFile, disposition: 'inline' | 'attachment'): void {
  noStore(res);
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Disposition', documentContentDisposition(file.fileName, disposition));
  res.setHeader('Content-Length', String(file.bytes.byteLength));
  // A download is a new copy each time: no ranges (two requests' bytes would not fit together).
  res.end(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
}

/** The reader's copy, whole (200) or the range asked for (206, or 416 beyond its end). */
function sendCopy(res: Response, file: ViewedCopy): void {
  noStore(res);
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Disposition', documentContentDisposition(file.fileName, 'inline'));
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('ETag', file.etag);
  const size = file.bytes.byteLength;
  const body = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, size);
  if (file.range.kind === 'unsatisfiable') {
    res.status(416).setHeader('Content-Range', `bytes */${size}`);
    res.setHeader('Content-Length', '0');
    res.end();
  } else if (file.range.kind === 'partial') {
    const { start, end } = file.range;
    res.status(206).setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
    res.setHeader('Content-Length', String(end - start + 1));
    res.end(body.subarray(start, end + 1));
  } else {
    res.setHeader('Content-Length', String(size));
    res.end(body);
  }
}

function positiveInt(value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d{1,6}$/.test(value)) throw new AppException('VALIDATION_FAILED');
  return Math.min(max, Math.max(min, Number(value)));
}

/**
 * The content of meeting documents, always as a copy stamped for the reader
 * (docs/documents-copies.md). Every route checks access through DocumentAccessService on every
 * request, for old versions too; outsiders get MEETING_NOT_FOUND.
 */
@ApiTags('document-copies')
@ApiBearerAuth()
@Controller('meetings/:meetingId/documents/:documentId/versions/:versionId')
export class DocumentCopiesController {
  constructor(private readonly copies: DocumentCopiesService) {}

  /**
   * The reader's copy, opened in the app; byte ranges (`Range`, `If-Range`) for pdf.js.
   * Confidential: DOCUMENT_DOWNLOAD_FORBIDDEN (use pages).
   */
  @Get('copy.pdf')
  @ApiProduces('application/pdf')
  async copy(
    @CurrentUser() user: AuthUser,
    @Param('meetingId', MeetingIdPipe) meetingId: string,
    @Param('documentId', DocumentIdPipe) documentId: string,
    @Param('versionId', VersionIdPipe) versionId: string,
    @Headers('range') range: string | undefined,
    @Headers('if-range') ifRange: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    sendCopy(res, await this.copies.viewCopy(user, meetingId, documentId, versionId, { range, ifRange }));
  }

  /** A download (attachment). Confidential: DOCUMENT_DOWNLOAD_FORBIDDEN. */
  @Get('download')
  @ApiProduces('application/pdf')
  async download(
    @CurrentUser() user: AuthUser,
    @Param('meetingId', MeetingIdPipe) meetingId: string,
    @Param('documentId', DocumentIdPipe) documentId: string,
    @Param('versionId', VersionIdPipe) versionId: string,
    @Res() res: Response,
  ): Promise<void> {
    sendPdf(res, await this.copies.download(user, meetingId, documentId, versionId), 'attachment');
  }

  /** One page as a PNG with the watermark burned in (`?width=` pixels, 320–2480, default 1240). */
  @Get('pages/:page.png')
  @ApiProduces('image/png')
  async page(
    @CurrentUser() user: AuthUser,
    @Param('meetingId', MeetingIdPipe) meetingId: string,
    @Param('documentId', DocumentIdPipe) documentId: string,
    @Param('versionId', VersionIdPipe) versionId: string,
    @Param('page') pageParam: string,
    @Query('width') widthParam: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const page = positiveInt(pageParam, 1, 1, 100_000);
    if (!/^\d+$/.test(pageParam) || page < 1) throw new AppException('NOT_FOUND');
    const width = positiveInt(widthParam, PAGE_WIDTH_DEFAULT, PAGE_WIDTH_MIN, PAGE_WIDTH_MAX);
    const png = await this.copies.pageImage(user, meetingId, documentId, versionId, page, width);
    noStore(res);
    res.setHeader('Content-Type', 'image/png');
    res.setHeader('Content-Length', String(png.byteLength));
    res.end(png);
  }
}
