import { Injectable } from '@nestjs/common';
import type { CopyRoute, DocumentVersion } from '@phonghop/common';
import { QueryFailedError } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock/clock';
import { AppException } from '../../common/errors/app-exception';
import { DocumentAccessService, ReadableDocument } from '../documents/document-access.service';
import { MeetingCommandService } from '../meeting-events/meeting-command.service';
import { DocumentCopiesRepository } from './document-copies.repository';
import { renderPng } from './page-renderer';
import { ReadingPdfCache } from './reading-pdf-cache';
import { newCopyCode } from './stamp/copy-code';
import type { CopyStamp } from './stamp/stamp-pdf';
import { StampPoolProvider } from './stamp-pool.provider';

/** A confidential document's pages, read one by one, share one copy code for this long. */
const PAGES_COPY_HOURS = 12;

export interface StampedFile {
  bytes: Uint8Array;
  /** The name to offer (the uploaded name, with `.pdf`). */
  fileName: string;
  code: string;
}

/**
 * Hands out per-reader copies: every copy is stamped for its reader (watermark + invisible marks),
 * registered under its copy code, and recorded on the meeting log (`document.viewed`,
 * `document.downloaded`) in one transaction with the registry row. The access check
 * (DocumentAccessService, docs-store) runs first on every route; confidential documents leave only
 * as page images.
 *
 * Order: stamp first (CPU, in the pool, no lock held), then register + log in one command. A refused
 * or failed command throws the stamped bytes away: no copy is delivered that is not registered and
 * logged, and nothing is registered that was not stamped.
 */
@Injectable()
export class DocumentCopiesService {
  constructor(
    private readonly access: DocumentAccessService,
    private readonly repository: DocumentCopiesRepository,
    private readonly commands: MeetingCommandService,
    private readonly pool: StampPoolProvider,
    private readonly pdfs: ReadingPdfCache,
    private readonly clock: Clock,
  ) {}

  /** The reader's copy to open in the app (not confidential: those are page images). */
  async viewCopy(
    user: AuthUser,
    meetingId: string,
    documentId: string,
    versionId: string,
  ): Promise<StampedFile> {
    const readable = await this.access.openForReading(
      user,
      meetingId,
      documentId,
      versionId,
      'document.view',
    );
    if (readable.document.accessLevel === 'confidential')
      throw new AppException('DOCUMENT_DOWNLOAD_FORBIDDEN');
    return this.issueFile(user, readable, 'view');
  }

  /** A download: DOCUMENT_DOWNLOAD_FORBIDDEN for confidential documents. */
  async download(
    user: AuthUser,
    meetingId: string,
    documentId: string,
    versionId: string,
  ): Promise<StampedFile> {
    const readable = await this.access.openForDownload(user, meetingId, documentId, versionId);
    return this.issueFile(user, readable, 'download');
  }

  /** One page of a document as a PNG with the reader's watermark burned in. */
  async pageImage(
    user: AuthUser,
    meetingId: string,
    documentId: string,
    versionId: string,
    page: number,
    width: number,
  ): Promise<Buffer> {
    const readable = await this.access.openForReading(
      user,
      meetingId,
      documentId,
      versionId,
      'document.viewPage',
    );
    const { version } = readable;
    if (version.status !== 'ready') throw new AppException('DOCUMENT_NOT_READY');
    if (!version.pageCount || page > version.pageCount) throw new AppException('NOT_FOUND');
    const pdf = await this.pdfs.get(versionId);
    const since = new Date(this.clock.now().getTime() - PAGES_COPY_HOURS * 3600_000);
    const recent = await this.repository.recent(versionId, user.id, 'pages', since);
    const stamp = recent
      ? {
          ...(await this.stampFor(user, readable)),
          code: recent.code,
          issuedAt: recent.issuedAt.toISOString(),
        }
      : await this.stampFor(user, readable);
    const onePage = await this.pool.stamp(pdf, stamp, page);
    const png = await renderPng(onePage, width);
    await this.record(user, readable, 'pages', stamp, !recent, page);
    return png;
  }

  private async issueFile(
    user: AuthUser,
    readable: ReadableDocument,
    route: 'view' | 'download',
  ): Promise<StampedFile> {
    const pdf = await this.pdfs.get(readable.version.id);
    for (let attempt = 1; ; attempt++) {
      const stamp = await this.stampFor(user, readable);
      const bytes = await this.pool.stamp(pdf, stamp);
      try {
        await this.record(user, readable, route, stamp, true, null);
        return { bytes, fileName: pdfName(readable.version), code: stamp.code };
      } catch (err) {
        // A new random code that is already registered (1 in 268 million): stamp again.
        if (attempt < 3 && isCodeTaken(err)) continue;
        throw err;
      }
    }
  }

  private async stampFor(user: AuthUser, readable: ReadableDocument): Promise<CopyStamp> {
    const [reader, meetingTitle] = await Promise.all([
      this.repository.reader(user.id),
      this.repository.meetingTitle(readable.document.meetingId),
    ]);
    return {
      code: newCopyCode(),
      readerName: reader.fullName,
      readerUnit: reader.unit,
      meetingTitle,
      issuedAt: this.clock.now().toISOString(),
    };
  }

  /** Registers the copy (when new) and logs the view or download, in one command. */
  private async record(
    user: AuthUser,
    readable: ReadableDocument,
    route: CopyRoute,
    stamp: CopyStamp,
    register: boolean,
    page: number | null,
  ): Promise<void> {
    const { document, version } = readable;
    await this.commands.execute({
      meetingId: document.meetingId,
      actor: user,
      command: route === 'download' ? 'document.download' : 'document.view',
      idempotencyKey: null,
      request: { documentId: document.id, versionId: version.id, route, page },
      handle: async (ctx) => {
        if (register) {
          await this.repository.insert(ctx.manager, {
            code: stamp.code,
            meetingId: document.meetingId,
            documentId: document.id,
            versionId: version.id,
            readerId: user.id,
            readerName: stamp.readerName,
            readerUnit: stamp.readerUnit,
            route,
            issuedAt: new Date(stamp.issuedAt),
          });
        }
        if (route === 'download') {
          return {
            type: 'document.downloaded',
            payload: { documentId: document.id, versionId: version.id },
            result: null,
          };
        }
        return {
          type: 'document.viewed',
          payload: { documentId: document.id, versionId: version.id, route, page },
          result: null,
        };
      },
    });
  }
}

function isCodeTaken(err: unknown): boolean {
  return err instanceof QueryFailedError && (err.driverError as { code?: string }).code === '23505';
}

/** `Tờ trình số 5.docx` → `Tờ trình số 5.pdf` (the copy is always the PDF reading copy). */
function pdfName(version: DocumentVersion): string {
  const base = version.originalName.replace(/\.[^.]*$/, '') || 'tai-lieu';
  return `${base}.pdf`;
}
