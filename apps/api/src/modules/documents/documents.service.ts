import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import {
  checkManageDocuments,
  DOCUMENT_MEDIA_TYPES,
  DocumentFileKind,
  DocumentUpdateRequest,
  DocumentUploadFields,
  DocumentUploadFieldsSchema,
  DocumentUploadResult,
  DocumentVersion,
  MeetingDocument,
  MeetingEventPayloads,
} from '@phonghop/common';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Request } from 'express';
import { AppException } from '../../common/errors/app-exception';
import { APP_CONFIG, AppConfig } from '../../config/env';
import { Caller, enforce } from '../meeting-events/caller';
import { MeetingAccessService } from '../meeting-events/meeting-access.service';
import { CommandContext, MeetingCommandService } from '../meeting-events/meeting-command.service';
import { DocumentStorageService } from './document-storage.service';
import { DocumentsRepository } from './documents.repository';
import { sniffFile } from './file-sniffer';
import { ConversionFailed, OfficeConverterService } from './office-converter.service';
import { PdfInspectorService } from './pdf-inspector.service';
import { checkFileName } from './file-name';
import { discard, ReceivedFile, receiveUpload, refuseDeclaredOversize } from './upload-receiver';

/** A checked upload, ready to be recorded. */
interface PreparedFile {
  kind: DocumentFileKind;
  name: string;
  size: number;
  sha256: string;
  /** The sanitised PDF (PDF uploads); null for Office files until converted. */
  reading: { sha256: string; pageCount: number; removed: DocumentVersion['removed'] } | null;
  /** Blobs this upload stored (not there before): removed again if the command is refused. */
  stored: string[];
}

/**
 * Uploads (a new document, a new version), metadata changes and removal — each one command on the
 * meeting event log — and the conversion of Office files after the upload (docs/documents.md).
 */
@Injectable()
export class DocumentsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Documents');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly commands: MeetingCommandService,
    private readonly access: MeetingAccessService,
    private readonly documents: DocumentsRepository,
    private readonly storage: DocumentStorageService,
    private readonly inspector: PdfInspectorService,
    private readonly converter: OfficeConverterService,
  ) {}

  /**
   * Versions left `converting` by a process that stopped mid-conversion are failed (`interrupted`)
   * at start-up, so nobody waits for them forever; the secretary uploads again. (With several
   * nodes a node's start also fails another node's running conversion: a rare, visible, harmless
   * outcome — see docs/documents.md.)
   */
  async onApplicationBootstrap(): Promise<void> {
    const stuck = await this.documents.converting().catch(() => []);
    for (const v of stuck) {
      const age = Date.now() - new Date(v.uploadedAt).getTime();
      if (age < this.config.DOCUMENT_CONVERT_TIMEOUT_MS * 2) continue;
      await this.finishConversion(v.meetingId, v.documentId, v.id, { failed: 'interrupted' }).catch(
        (err: Error) => this.logger.error(`could not fail stuck version ${v.id}: ${err.message}`),
      );
    }
  }

  list(caller: Caller, meetingId: string): Promise<MeetingDocument[]> {
    return this.access
      .open(meetingId, caller.user, 'document.list')
      .then(() => this.documents.state(meetingId));
  }

  /** POST /meetings/:meetingId/documents — a new document with its first version. */
  async upload(caller: Caller, meetingId: string, req: Request): Promise<DocumentUploadResult> {
    refuseDeclaredOversize(req, this.config.DOCUMENT_MAX_BYTES);
    await this.checkMayManage(caller, meetingId, 'document.add');
    let fields: DocumentUploadFields | null = null;
    const { file } = await receiveUpload(req, {
      maxBytes: this.config.DOCUMENT_MAX_BYTES,
      beforeFile: async (raw) => {
        fields = parseFields(raw);
      },
    });
    try {
      const prepared = await this.prepare(file);
      const meta = fields as unknown as DocumentUploadFields;
      const documentId = randomUUID();
      const version = this.newVersion(prepared, documentId, 1, caller.user.id);
      const response = await this.record(prepared, () =>
        this.commands.execute({
          meetingId,
          actor: caller.user,
          command: 'document.add',
          idempotencyKey: caller.idempotencyKey,
          request: { ...meta, file: { sha256: prepared.sha256, name: prepared.name } },
          handle: async (ctx) => {
            enforce(checkManageDocuments(ctx.meeting.status, ctx.actor));
            await this.checkPlacement(ctx, meetingId, meta.agendaItemId ?? null, meta.readerIds);
            const at = ctx.at.toISOString();
            const stamped = { ...version, uploadedAt: at };
            const document: MeetingDocument = {
              id: documentId,
              meetingId,
              agendaItemId: meta.agendaItemId ?? null,
              title: meta.title,
              kind: meta.kind,
              accessLevel: meta.accessLevel,
              readerIds: meta.accessLevel === 'all' ? [] : unique(meta.readerIds),
              commentDeadline: meta.commentDeadline ? new Date(meta.commentDeadline).toISOString() : null,
              currentVersionId: stamped.id,
              versions: [stamped],
              createdById: caller.user.id,
              createdAt: at,
            };
            await this.documents.insertDocument(ctx.manager, document, ctx.seq);
            await this.documents.insertVersion(
              ctx.manager,
              meetingId,
              stamped,
              prepared.reading?.sha256 ?? null,
            );
            return {
              type: 'document.added',
              payload: { document },
              result: { document, version: stamped, seq: ctx.seq },
            };
          },
        }),
      );
      if (response.version.id === version.id) this.startConversion(meetingId, prepared, response.version);
      return response;
    } finally {
      await discard(file);
    }
  }

  /** POST /meetings/:meetingId/documents/:documentId/versions — a new version, which becomes current. */
  async uploadVersion(
    caller: Caller,
    meetingId: string,
    documentId: string,
    req: Request,
  ): Promise<DocumentUploadResult> {
    refuseDeclaredOversize(req, this.config.DOCUMENT_MAX_BYTES);
    await this.checkMayManage(caller, meetingId, 'document.addVersion');
    if (!(await this.documents.find(meetingId, documentId))) throw new AppException('DOCUMENT_NOT_FOUND');
    const { file } = await receiveUpload(req, {
      maxBytes: this.config.DOCUMENT_MAX_BYTES,
      beforeFile: async (raw) => {
        if (Object.keys(raw).length > 0) {
          throw new AppException('VALIDATION_FAILED', undefined, [
            { path: 'body', message: 'a new version takes only the file' },
          ]);
        }
      },
    });
    try {
      const prepared = await this.prepare(file);
      const draft = this.newVersion(prepared, documentId, 0, caller.user.id);
      const response = await this.record(prepared, () =>
        this.commands.execute({
          meetingId,
          actor: caller.user,
          command: 'document.addVersion',
          idempotencyKey: caller.idempotencyKey,
          request: { documentId, file: { sha256: prepared.sha256, name: prepared.name } },
          handle: async (ctx) => {
            enforce(checkManageDocuments(ctx.meeting.status, ctx.actor));
            const existing = await this.documents.find(meetingId, documentId, ctx.manager);
            if (!existing) throw new AppException('DOCUMENT_NOT_FOUND');
            const version: DocumentVersion = {
              ...draft,
              number: await this.documents.nextVersionNumber(ctx.manager, documentId),
              uploadedAt: ctx.at.toISOString(),
            };
            await this.documents.insertVersion(
              ctx.manager,
              meetingId,
              version,
              prepared.reading?.sha256 ?? null,
            );
            await this.documents.setCurrentVersion(ctx.manager, documentId, version.id);
            const document: MeetingDocument = {
              ...existing,
              currentVersionId: version.id,
              versions: [...existing.versions, version],
            };
            return {
              type: 'document.versionAdded',
              payload: { documentId, version },
              result: { document, version, seq: ctx.seq },
            };
          },
        }),
      );
      if (response.version.id === draft.id) this.startConversion(meetingId, prepared, response.version);
      return response;
    } finally {
      await discard(file);
    }
  }

  /** PATCH — title, kind, item, access level and readers, comment deadline. */
  async update(
    caller: Caller,
    meetingId: string,
    documentId: string,
    request: DocumentUpdateRequest,
  ): Promise<MeetingDocument> {
    const response = await this.commands.execute({
      meetingId,
      actor: caller.user,
      command: 'document.update',
      idempotencyKey: caller.idempotencyKey,
      request: { documentId, ...request },
      handle: async (ctx) => {
        enforce(checkManageDocuments(ctx.meeting.status, ctx.actor));
        const existing = await this.documents.find(meetingId, documentId, ctx.manager);
        if (!existing) throw new AppException('DOCUMENT_NOT_FOUND');
        const accessLevel = request.accessLevel ?? existing.accessLevel;
        const changes: MeetingEventPayloads['document.updated']['changes'] = {};
        if (request.title !== undefined) changes.title = request.title;
        if (request.kind !== undefined) changes.kind = request.kind;
        if (request.agendaItemId !== undefined) changes.agendaItemId = request.agendaItemId;
        if (request.accessLevel !== undefined) changes.accessLevel = request.accessLevel;
        if (request.readerIds !== undefined) changes.readerIds = unique(request.readerIds);
        // Readers belong to named and confidential documents only; opening one to all drops them.
        if (accessLevel === 'all') {
          if (request.readerIds !== undefined && request.readerIds.length > 0) {
            throw new AppException('VALIDATION_FAILED', undefined, [
              { path: 'readerIds', message: 'named readers go with "named" and "confidential" only' },
            ]);
          }
          if (existing.readerIds.length > 0) changes.readerIds = [];
        }
        if (request.commentDeadline !== undefined) {
          changes.commentDeadline = request.commentDeadline
            ? new Date(request.commentDeadline).toISOString()
            : null;
        }
        await this.checkPlacement(
          ctx,
          meetingId,
          changes.agendaItemId !== undefined ? changes.agendaItemId : null,
          changes.readerIds ?? [],
        );
        await this.documents.updateDocument(ctx.manager, documentId, changes);
        return {
          type: 'document.updated',
          payload: { documentId, changes },
          result: { ...existing, ...changes },
        };
      },
    });
    return response.result;
  }

  /** DELETE — off the meeting (versions and bytes stay for the record). */
  async remove(caller: Caller, meetingId: string, documentId: string): Promise<void> {
    await this.commands.execute({
      meetingId,
      actor: caller.user,
      command: 'document.remove',
      idempotencyKey: caller.idempotencyKey,
      request: { documentId },
      handle: async (ctx) => {
        enforce(checkManageDocuments(ctx.meeting.status, ctx.actor));
        if (!(await this.documents.find(meetingId, documentId, ctx.manager))) {
          throw new AppException('DOCUMENT_NOT_FOUND');
        }
        await this.documents.markRemoved(ctx.manager, documentId, ctx.at);
        return { type: 'document.removed', payload: { documentId }, result: null };
      },
    });
  }

  // ---- the steps of an upload ---------------------------------------------------------------

  /** Before the body is read: a participant with the right to manage documents, in a meeting that takes them. */
  private async checkMayManage(caller: Caller, meetingId: string, command: string): Promise<void> {
    const { meeting, actor } = await this.access.open(meetingId, caller.user, command);
    enforce(checkManageDocuments(meeting.status, actor));
  }

  /** Type from the bytes, the name, and for PDFs the hostile-file check and the reading copy; then storage. */
  private async prepare(file: ReceivedFile): Promise<PreparedFile> {
    const name = checkFileName(file.name);
    const { kind } = await sniffFile(file.path, file.size);
    let reading: PreparedFile['reading'] = null;
    const stored: string[] = [];
    if (kind === 'pdf') {
      const readingPath = path.join(file.dir, 'reading.pdf');
      const inspected = await this.inspector.inspect(file.path, readingPath);
      const { sha256, size } = await hashFile(readingPath);
      if (await this.storage.putFile(readingPath, sha256, size)) stored.push(sha256);
      reading = { sha256, pageCount: inspected.pageCount, removed: inspected.removed };
    } else {
      this.converter.requireAvailable();
    }
    try {
      if (await this.storage.putFile(file.path, file.sha256, file.size)) stored.push(file.sha256);
    } catch (err) {
      await this.storage.deleteIfUnreferenced(stored).catch(() => undefined);
      throw err;
    }
    return { kind, name, size: file.size, sha256: file.sha256, reading, stored };
  }

  /** Runs the command; when it is refused, the blobs this upload stored go again (nothing left behind). */
  private async record<R>(prepared: PreparedFile, run: () => Promise<{ result: R }>): Promise<R> {
    try {
      return (await run()).result;
    } catch (err) {
      await this.storage
        .deleteIfUnreferenced(prepared.stored)
        .catch((e: Error) => this.logger.warn(`left blobs after a refused upload: ${e.message}`));
      throw err;
    }
  }

  private newVersion(
    prepared: PreparedFile,
    documentId: string,
    number: number,
    userId: string,
  ): DocumentVersion {
    return {
      id: randomUUID(),
      documentId,
      number,
      originalName: prepared.name,
      mediaType: DOCUMENT_MEDIA_TYPES[prepared.kind],
      size: prepared.size,
      sha256: prepared.sha256,
      status: prepared.reading ? 'ready' : 'converting',
      failureReason: null,
      pageCount: prepared.reading?.pageCount ?? null,
      removed: prepared.reading?.removed ?? [],
      uploadedById: userId,
      uploadedAt: new Date(0).toISOString(),
    };
  }

  /** The item belongs to this meeting; named readers are its participants. */
  private async checkPlacement(
    ctx: CommandContext,
    meetingId: string,
    agendaItemId: string | null,
    readerIds: string[],
  ): Promise<void> {
    if (agendaItemId && !(await this.documents.agendaItemExists(meetingId, agendaItemId, ctx.manager))) {
      throw new AppException('AGENDA_ITEM_NOT_FOUND');
    }
    const wanted = unique(readerIds);
    const found = await this.documents.participantIds(meetingId, wanted, ctx.manager);
    if (found.length !== wanted.length) throw new AppException('DOCUMENT_READER_INVALID');
  }

  // ---- Office conversion ------------------------------------------------------------------

  /** Office files convert after the answer: `converting` now, `document.statusChanged` later. */
  private startConversion(meetingId: string, prepared: PreparedFile, version: DocumentVersion): void {
    if (prepared.kind === 'pdf') return;
    void this.convert(meetingId, prepared.kind, version).catch((err: Error) =>
      this.logger.error(`conversion of version ${version.id} could not be recorded: ${err.message}`),
    );
  }

  /** Converts, checks the PDF like an upload, stores it, and records the outcome on the log. */
  async convert(meetingId: string, kind: DocumentFileKind, version: DocumentVersion): Promise<void> {
    const dir = await mkdtemp(path.join(tmpdir(), 'phonghop-converted-'));
    try {
      const converted = path.join(dir, 'converted.pdf');
      const reading = path.join(dir, 'reading.pdf');
      let outcome:
        | { failed: ConversionFailed['reason'] }
        | { sha256: string; pageCount: number; removed: DocumentVersion['removed'] };
      try {
        await this.converter.convert(this.storage.openBlob(version.sha256), kind, converted);
        let inspected;
        try {
          inspected = await this.inspector.inspect(converted, reading);
        } catch (err) {
          throw new ConversionFailed('unsafe_result', (err as Error).message);
        }
        const { sha256, size } = await hashFile(reading);
        await this.storage.putFile(reading, sha256, size);
        outcome = { sha256, pageCount: inspected.pageCount, removed: inspected.removed };
      } catch (err) {
        const reason = err instanceof ConversionFailed ? err.reason : 'converter_error';
        this.logger.warn(`conversion of version ${version.id} failed (${reason}): ${(err as Error).message}`);
        outcome = { failed: reason };
      }
      await this.finishConversion(meetingId, version.documentId, version.id, outcome);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private async finishConversion(
    meetingId: string,
    documentId: string,
    versionId: string,
    outcome:
      | { failed: ConversionFailed['reason'] }
      | { sha256: string; pageCount: number; removed: DocumentVersion['removed'] },
  ): Promise<void> {
    await this.commands.executeAsSystem({
      meetingId,
      command: 'document.converted',
      request: { versionId },
      handle: async (ctx) => {
        const version = await this.documents.version(versionId, ctx.manager);
        if (!version || version.status !== 'converting') throw new AppException('CONFLICT');
        const payload: MeetingEventPayloads['document.statusChanged'] =
          'failed' in outcome
            ? {
                documentId,
                versionId,
                status: 'failed',
                failureReason: outcome.failed,
                pageCount: null,
                removed: [],
              }
            : {
                documentId,
                versionId,
                status: 'ready',
                failureReason: null,
                pageCount: outcome.pageCount,
                removed: outcome.removed,
              };
        await this.documents.setVersionOutcome(ctx.manager, versionId, {
          status: payload.status,
          failureReason: payload.failureReason,
          pageCount: payload.pageCount,
          removed: payload.removed,
          readingSha256: 'failed' in outcome ? null : outcome.sha256,
        });
        return { type: 'document.statusChanged', payload, result: null };
      },
    });
  }
}

function parseFields(raw: Record<string, string>): DocumentUploadFields {
  let readerIds: unknown = undefined;
  if (raw.readerIds !== undefined) {
    try {
      readerIds = JSON.parse(raw.readerIds);
    } catch {
      throw new AppException('VALIDATION_FAILED', undefined, [
        { path: 'readerIds', message: 'must be a JSON array' },
      ]);
    }
  }
  const input: Record<string, unknown> = { ...raw };
  if (readerIds !== undefined) input.readerIds = readerIds;
  const parsed = DocumentUploadFieldsSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppException(
      'VALIDATION_FAILED',
      undefined,
      parsed.error.issues.map((i) => ({ path: i.path.join('.') || 'body', message: i.message })),
    );
  }
  return parsed.data;
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

async function hashFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}
