export * from './command-metadata';
export * from './id-param.pipe';
export * from './idempotency-key';
export * from './records.decorator';
