export * from './aggregate-streams';
export * from './command-metadata';
export * from './command-recorder';
export * from './idempotency';
export * from './record-command';
export * from './references';
export * from './request-fingerprints';
