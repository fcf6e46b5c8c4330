import type { DocumentNoteDeleted, DocumentNoteSaved } from '../schemas/document-notes';

/**
 * Private notes and highlights: sent only to the reader's own sockets (room `user:<id>`), never
 * to a meeting room. Specs: docs/events/documentNote.saved.md, documentNote.deleted.md.
 */
export interface DocumentNotesServerToClientEvents {
  /** A note of yours was created or changed (on this device or another one). */
  'documentNote.saved': (payload: DocumentNoteSaved) => void;
  /** A note of yours was deleted. */
  'documentNote.deleted': (payload: DocumentNoteDeleted) => void;
}

export const DOCUMENT_NOTE_SERVER_EVENTS = [
  'documentNote.saved',
  'documentNote.deleted',
] as const satisfies readonly (keyof DocumentNotesServerToClientEvents)[];
