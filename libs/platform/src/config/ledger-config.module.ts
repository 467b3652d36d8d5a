import { DynamicModule, Global, Module } from '@nestjs/common';
import { LEDGER_CONFIG } from './ledger-config.token';
import { LedgerConfig } from './ledger-config';

/**
 * Makes the validated configuration injectable everywhere. The configuration is validated before
 * Nest starts (see bootstrap), because the embedded database must be started from it first.
 */
@Global()
@Module({})
export class LedgerConfigModule {
  static forRoot(config: LedgerConfig): DynamicModule {
    return {
      module: LedgerConfigModule,
      providers: [{ provide: LEDGER_CONFIG, useValue: config }],
      exports: [LEDGER_CONFIG],
    };
  }
}
