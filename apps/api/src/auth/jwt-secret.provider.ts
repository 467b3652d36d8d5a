import { Logger, Module } from '@nestjs/common';
import { LEDGER_CONFIG, type LedgerConfig, loadOrCreateJwtSecret } from '@ledger/platform';

export const JWT_SECRET = Symbol('JWT_SECRET');

/** The token-signing secret from JWT_SECRET_FILE (made on the first start when missing). */
@Module({
  providers: [
    {
      provide: JWT_SECRET,
      inject: [LEDGER_CONFIG],
      useFactory: (config: LedgerConfig) =>
        loadOrCreateJwtSecret(config.auth.jwtSecretFile, (m) => new Logger('Auth').log(m)),
    },
  ],
  exports: [JWT_SECRET],
})
export class JwtSecretModule {}
