export * from './errors';
export * from './ack';
export * from './schemas/identity';
export * from './schemas/health';
export * from './events';
