export * from './meeting-lifecycle';
export * from './meeting-permissions';
export * from './meeting-calendar';
export * from './event-stream';
export * from './canonical-json';
export * from './agenda-progress';
export * from './quorum';
export * from './attendance-permissions';
export * from './speakers';
export * from './vietnamese-days';
export * from './room-snapshot';
export * from './poll-result';
export * from './poll-permissions';
export * from './documents';
// docs-notes
export * from './document-comments';
export * from './presentation';
