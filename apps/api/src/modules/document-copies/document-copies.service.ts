import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { CopyRoute, DocumentVersion } from '@phonghop/common';
import { QueryFailedError } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock/clock';
import { AppException } from '../../common/errors/app-exception';
import { DocumentAccessService, ReadableDocument } from '../documents/document-access.service';
import { MeetingCommandService } from '../meeting-events/meeting-command.service';
import { parseByteRange, type RangeAnswer } from './byte-range';
import { DocumentCopiesRepository } from './document-copies.repository';
import type { DocumentCopyEntity } from './document-copy.entity';
import { renderPng } from './page-renderer';
import { ReadingPdfCache } from './reading-pdf-cache';
import { newCopyCode } from './stamp/copy-code';
import type { CopyStamp } from './stamp/stamp-pdf';
import { StampPoolProvider } from './stamp-pool.provider';
import { CachedCopy, PageImageCache, StampedCopyCache } from './stamped-copy-cache';

/**
 * A confidential document's pages, read one by one, share one copy code for this long; so do the
 * openings of a reader's in-app copy (`copy.pdf`) and the byte ranges read from it.
 */
const REUSE_COPY_HOURS = 12;

export interface StampedFile {
  bytes: Uint8Array;
  /** The name to offer (the uploaded name, with `.pdf`). */
  fileName: string;
  code: string;
}

/** The reader's in-app copy, and which part of it this request gets. */
export interface ViewedCopy extends StampedFile {
  /** Strong validator of the bytes (`ETag`). */
  etag: string;
  range: RangeAnswer;
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
    private readonly copies: StampedCopyCache,
    private readonly images: PageImageCache,
    private readonly clock: Clock,
  ) {}

  /**
   * The reader's copy to open in the app (not confidential: those are page images), whole or the
   * byte range asked for (`Range`, honoured only while `If-Range` names these bytes).
   *
   * The access check runs on every request, ranges included. A reader's copy of a version is
   * stamped and registered once and served again to that reader (and only to them: it is found
   * through their own registry row) for REUSE_COPY_HOURS — so reopening a document costs no
   * stamping, and the ranges pdf.js reads fit together (the same bytes, the same ETag; stamping is
   * deterministic, so another node that has not cached the copy stamps the very same bytes from the
   * registry row). Every request that opens the document (no range, or a range from byte 0) is
   * logged as `document.viewed`; the further ranges of one reading are not.
   */
  async viewCopy(
    user: AuthUser,
    meetingId: string,
    documentId: string,
    versionId: string,
    request: { range?: string; ifRange?: string } = {},
  ): Promise<ViewedCopy> {
    const readable = await this.access.openForReading(
      user,
      meetingId,
      documentId,
      versionId,
      'document.view',
    );
    if (readable.document.accessLevel === 'confidential')
      throw new AppException('DOCUMENT_DOWNLOAD_FORBIDDEN');
    const since = new Date(this.clock.now().getTime() - REUSE_COPY_HOURS * 3600_000);
    const recent = await this.repository.recent(versionId, user.id, 'view', since);
    let file: StampedFile & { etag: string };
    let logged = false;
    if (recent) {
      const copy = await this.copies.get(StampedCopyCache.key(user.id, versionId, recent.code), async () =>
        this.stampCached(versionId, await this.stampOf(recent)),
      );
      file = { ...copy, fileName: pdfName(readable.version), code: recent.code };
    } else {
      const issued = await this.issueFile(user, readable, 'view');
      const copy = { bytes: issued.bytes, etag: etagOf(issued.bytes) };
      this.copies.put(StampedCopyCache.key(user.id, versionId, issued.code), copy);
      file = { ...issued, etag: copy.etag };
      logged = true; // registered and logged in one command
    }
    const wanted = request.ifRange === undefined || request.ifRange === file.etag;
    const range = wanted ? parseByteRange(request.range, file.bytes.byteLength) : { kind: 'whole' as const };
    if (!logged && (range.kind === 'whole' || (range.kind === 'partial' && range.start === 0))) {
      await this.record(user, readable, 'view', null, null);
    }
    return { ...file, range };
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
    const since = new Date(this.clock.now().getTime() - REUSE_COPY_HOURS * 3600_000);
    const recent = await this.repository.recent(versionId, user.id, 'pages', since);
    const stamp = recent
      ? {
          ...(await this.stampFor(user, readable)),
          code: recent.code,
          issuedAt: recent.issuedAt.toISOString(),
        }
      : await this.stampFor(user, readable);
    // The reader's own code is in the key: an image is only found again for them.
    const png = await this.images.get(
      PageImageCache.key(user.id, versionId, stamp.code, page, width),
      async () => renderPng(await this.pool.stamp(await this.pdfs.get(versionId), stamp, page), width),
    );
    await this.record(user, readable, 'pages', recent ? null : stamp, page);
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
        await this.record(user, readable, route, stamp, null);
        return { bytes, fileName: pdfName(readable.version), code: stamp.code };
      } catch (err) {
        // A new random code that is already registered (1 in 268 million): stamp again.
        if (attempt < 3 && isCodeTaken(err)) continue;
        throw err;
      }
    }
  }

  /** What was printed on a registered copy (the meeting's title as it is now). */
  private async stampOf(copy: DocumentCopyEntity): Promise<CopyStamp> {
    return {
      code: copy.code,
      readerName: copy.readerName,
      readerUnit: copy.readerUnit,
      meetingTitle: await this.repository.meetingTitle(copy.meetingId),
      issuedAt: copy.issuedAt.toISOString(),
    };
  }

  private async stampCached(versionId: string, stamp: CopyStamp): Promise<CachedCopy> {
    const bytes = await this.pool.stamp(await this.pdfs.get(versionId), stamp);
    return { bytes, etag: etagOf(bytes) };
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

  /** Registers the copy (`register`: a new one) and logs the view or download, in one command. */
  private async record(
    user: AuthUser,
    readable: ReadableDocument,
    route: CopyRoute,
    register: CopyStamp | null,
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
            code: register.code,
            meetingId: document.meetingId,
            documentId: document.id,
            versionId: version.id,
            readerId: user.id,
            readerName: register.readerName,
            readerUnit: register.readerUnit,
            route,
            issuedAt: new Date(register.issuedAt),
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

/** A strong ETag: the bytes' SHA-256, the same for the same copy on every node. */
function etagOf(bytes: Uint8Array): string {
  return `"${createHash('sha256').update(bytes).digest('base64url')}"`;
}

function isCodeTaken(err: unknown): boolean {
  return err instanceof QueryFailedError && (err.driverError as { code?: string }).code === '23505';
}

/** `Tờ trình số 5.docx` → `Tờ trình số 5.pdf` (the copy is always the PDF reading copy). */
function pdfName(version: DocumentVersion): string {
  const base = version.originalName.replace(/\.[^.]*$/, '') || 'tai-lieu';
  return `${base}.pdf`;
}
