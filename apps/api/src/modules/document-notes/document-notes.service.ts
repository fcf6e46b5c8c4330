import { Injectable } from '@nestjs/common';
import {
  CreateDocumentNote,
  DocumentNote,
  MAX_NOTES_PER_DOCUMENT,
  UpdateDocumentNote,
  canonicalJson,
} from '@phonghop/common';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock/clock';
import { AppException } from '../../common/errors/app-exception';
import { RealtimeService } from '../realtime/realtime.service';
import { rooms } from '../realtime/realtime.types';
import { DocumentGate } from './document-gate';
import { DocumentNotesRepository, NewNote } from './document-notes.repository';

/**
 * Private notes and highlights (ghi chú riêng). Each call checks, from the database, that the
 * caller may read the document now (the documents module's check), then touches only the caller's
 * own rows. Changes are pushed to the caller's own sockets (`user:<id>`, every device of theirs,
 * on every node) — never to a meeting room, never on the meeting log.
 */
@Injectable()
export class DocumentNotesService {
  constructor(
    private readonly gate: DocumentGate,
    private readonly notes: DocumentNotesRepository,
    private readonly realtime: RealtimeService,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, meetingId: string, documentId: string): Promise<DocumentNote[]> {
    await this.gate.readable(user, meetingId, documentId, 'documentNote.list');
    return this.notes.list(user.id, documentId);
  }

  /**
   * Creates a note under the client's id. A retry (same id, same content) answers the note made the
   * first time; the id already used for something else is CONFLICT.
   */
  async create(
    user: AuthUser,
    meetingId: string,
    documentId: string,
    request: CreateDocumentNote,
  ): Promise<{ note: DocumentNote; created: boolean }> {
    await this.gate.readable(user, meetingId, documentId, 'documentNote.create');
    const note: NewNote = {
      id: request.id,
      documentId,
      page: request.page,
      kind: request.kind,
      body: request.body ?? null,
      rects: request.rects ?? [],
      color: request.color ?? null,
      quote: request.quote ?? null,
    };
    const existing = await this.notes.findOwn(user.id, documentId, request.id);
    if (existing) return this.retried(existing, note);
    if ((await this.notes.count(user.id, documentId)) >= MAX_NOTES_PER_DOCUMENT) {
      throw new AppException('NOTES_LIMIT_REACHED');
    }
    const saved = await this.notes.insert(user.id, meetingId, note, this.clock.now());
    if (!saved) {
      // The id was taken meanwhile: by a concurrent retry of ours (answer it), or by someone else.
      const raced = await this.notes.findOwn(user.id, documentId, request.id);
      if (!raced) throw new AppException('CONFLICT');
      return this.retried(raced, note);
    }
    this.realtime.emitToRoom(rooms.user(user.id), 'documentNote.saved', { meetingId, note: saved });
    return { note: saved, created: true };
  }

  /** A create sent again: the same content answers the note; other content under the id is CONFLICT. */
  private retried(existing: DocumentNote, note: NewNote): { note: DocumentNote; created: boolean } {
    if (!sameContent(existing, note)) throw new AppException('CONFLICT');
    return { note: existing, created: false };
  }

  async update(
    user: AuthUser,
    meetingId: string,
    documentId: string,
    noteId: string,
    changes: UpdateDocumentNote,
  ): Promise<DocumentNote> {
    await this.gate.readable(user, meetingId, documentId, 'documentNote.update');
    const current = await this.notes.findOwn(user.id, documentId, noteId);
    if (!current) throw new AppException('NOTE_NOT_FOUND');
    if (current.kind === 'note' && changes.body === null) {
      throw new AppException('VALIDATION_FAILED', 'a note needs its text', [
        { path: 'body', message: 'a note needs its text' },
      ]);
    }
    if (current.kind === 'note' && changes.color !== undefined) {
      throw new AppException('VALIDATION_FAILED', 'only a highlight has a colour', [
        { path: 'color', message: 'only a highlight has a colour' },
      ]);
    }
    const saved = await this.notes.update(user.id, documentId, noteId, changes, this.clock.now());
    if (!saved) throw new AppException('NOTE_NOT_FOUND');
    this.realtime.emitToRoom(rooms.user(user.id), 'documentNote.saved', { meetingId, note: saved });
    return saved;
  }

  async remove(user: AuthUser, meetingId: string, documentId: string, noteId: string): Promise<void> {
    await this.gate.readable(user, meetingId, documentId, 'documentNote.delete');
    if (!(await this.notes.delete(user.id, documentId, noteId))) throw new AppException('NOTE_NOT_FOUND');
    this.realtime.emitToRoom(rooms.user(user.id), 'documentNote.deleted', { meetingId, documentId, noteId });
  }
}

function sameContent(a: NewNote | DocumentNote, b: NewNote): boolean {
  const pick = (n: NewNote | DocumentNote) => ({
    documentId: n.documentId,
    page: n.page,
    kind: n.kind,
    body: n.body,
    rects: n.rects,
    color: n.color,
    quote: n.quote,
  });
  return canonicalJson(pick(a)) === canonicalJson(pick(b));
}
