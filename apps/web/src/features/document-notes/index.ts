/** The notes and comments components and hooks that the document reader mounts (docs/documents-notes.md). */
export { HighlightLayer, HIGHLIGHT_FILL, type HighlightLayerProps } from './components/HighlightLayer';
export { NotesPanel, type NotesPanelProps } from './components/NotesPanel';
export { CommentsPanel, type CommentsPanelProps } from './components/CommentsPanel';
export { CommentsReviewPanel, type CommentsReviewPanelProps } from './components/CommentsReviewPanel';
export { useDocumentNotes, type NewDocumentNote } from './hooks/use-document-notes';
export { useDocumentComments } from './hooks/use-document-comments';
export { rectsFromClientRects } from './state/notes-state';
export { DocumentCommentsPage } from './components/DocumentCommentsPage';
