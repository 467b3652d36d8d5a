export * from './config/ledger-config';
export * from './config/ledger-config.module';
export * from './config/ledger-config.token';
export * from './database/embedded-postgres';
export * from './database/database.module';
export * from './logging/logging.module';
export * from './bootstrap/open-database';
export * from './bootstrap/process-lifecycle';
