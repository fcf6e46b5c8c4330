import { Injectable, Logger } from '@nestjs/common';
import type { DocumentVersion, MeetingDocument } from '@phonghop/common';
import { canDownloadDocument, canReadDocument } from '@phonghop/common';
import type { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { CommandActor, MeetingAccessService } from '../meeting-events/meeting-access.service';
import { DocumentsRepository } from './documents.repository';

/** What a reader may open: the document, the version asked for (default: the current one), and who reads. */
export interface ReadableDocument {
  document: MeetingDocument;
  version: DocumentVersion;
  actor: CommandActor;
  /** False for confidential documents: page images only, never a file. */
  canDownload: boolean;
}

/**
 * The access check every content route calls (the copies module's reading, downloading and page
 * images; the notes module's comments). Authority comes from the database on every call: the
 * meeting role through `MeetingAccessService.open` (outsiders get MEETING_NOT_FOUND), the document's
 * access level and named readers from its row, by the rule `canReadDocument` in libs/common.
 */
@Injectable()
export class DocumentAccessService {
  private readonly logger = new Logger('DocumentAccess');

  constructor(
    private readonly access: MeetingAccessService,
    private readonly documents: DocumentsRepository,
  ) {}

  /** Whether `user` may read the document (false also when it or the meeting does not exist for them). */
  async canRead(user: AuthUser, meetingId: string, documentId: string): Promise<boolean> {
    try {
      await this.openForReading(user, meetingId, documentId, undefined, 'document.canRead');
      return true;
    } catch (err) {
      if (err instanceof AppException) return false;
      throw err;
    }
  }

  /**
   * Opens a document (and one of its versions) for `user`, or refuses: MEETING_NOT_FOUND (not a
   * participant), DOCUMENT_NOT_FOUND (no such live document in this meeting),
   * DOCUMENT_VERSION_NOT_FOUND (no such version of it), DOCUMENT_NOT_READABLE (not a reader).
   * It does not check that the version is ready: the storage read answers DOCUMENT_NOT_READY.
   */
  async openForReading(
    user: AuthUser,
    meetingId: string,
    documentId: string,
    versionId?: string,
    command = 'document.read',
  ): Promise<ReadableDocument> {
    const { actor } = await this.access.open(meetingId, user, command);
    const document = await this.documents.find(meetingId, documentId);
    if (!document) throw new AppException('DOCUMENT_NOT_FOUND');
    const version = document.versions.find((v) => v.id === (versionId ?? document.currentVersionId));
    if (!version) throw new AppException('DOCUMENT_VERSION_NOT_FOUND');
    if (!canReadDocument(document, actor)) {
      this.logger.warn(
        `refused ${command}: user=${user.id} document=${documentId} code=DOCUMENT_NOT_READABLE`,
      );
      throw new AppException('DOCUMENT_NOT_READABLE');
    }
    return { document, version, actor, canDownload: canDownloadDocument(document, actor) };
  }

  /** As openForReading, and DOCUMENT_DOWNLOAD_FORBIDDEN for a confidential document. */
  async openForDownload(
    user: AuthUser,
    meetingId: string,
    documentId: string,
    versionId?: string,
  ): Promise<ReadableDocument> {
    const readable = await this.openForReading(user, meetingId, documentId, versionId, 'document.download');
    if (!readable.canDownload) throw new AppException('DOCUMENT_DOWNLOAD_FORBIDDEN');
    return readable;
  }
}
