/**
 * The ledger's use cases, shared by every app: recording a command (load, decide, append, with
 * idempotency), the spreadsheet import, the audit, the demo data and the query services. The
 * apps around it only translate: HTTP (apps/api), a terminal (apps/cli), a process (apps/projector).
 */
export * from './audit';
export * from './commands';
export * from './imports';
export * from './public';
export * from './queries';
export * from './recording';
export * from './seed';
export * from './shared';
