export * from './errors';
export * from './ack';
export * from './schemas/identity';
export * from './schemas/health';
export * from './schemas/meetings';
export * from './schemas/agenda';
export * from './schemas/attendance';
export * from './schemas/speakers';
export * from './schemas/meeting-events';
export * from './schemas/notifications';
export * from './schemas/text';
export * from './rules';
export * from './events';
export * from './schemas/socket-session';
export * from './schemas/displays';
export * from './schemas/polls';
// meeting documents (issue 10)
export * from './schemas/documents';
// docs-notes
export * from './schemas/document-notes';
export * from './schemas/presentation';
// document copies and leak tracing (issue 10)
export * from './schemas/document-copies';
