import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { LEDGER_CONFIG, type LedgerConfig, UsersModule } from '@ledger/platform';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { FirstAdmin } from './first-admin';
import { FollowUserChanges } from './follow-user-changes';
import { JWT_SECRET, JwtSecretModule } from './jwt-secret.provider';
import { JwtStrategy } from './jwt.strategy';

const MINUTE = 60_000;

/**
 * Who may do what (issue 9): login, bearer tokens, and the two global guards, in this order:
 * the throttler (per client IP: RATE_LIMIT_PER_MINUTE for everything, and the stricter `login`
 * limit on POST /auth/login), then the AccessGuard (token and roles).
 */
@Module({
  imports: [
    UsersModule,
    PassportModule,
    JwtSecretModule,
    JwtModule.registerAsync({
      imports: [JwtSecretModule],
      inject: [JWT_SECRET],
      useFactory: (secret: string) => ({
        secret,
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [LEDGER_CONFIG],
      useFactory: (config: LedgerConfig) => ({
        throttlers: [
          { name: 'default', ttl: MINUTE, limit: config.rateLimit.perMinute },
          {
            name: 'login',
            ttl: MINUTE,
            limit: config.rateLimit.loginPerMinute,
            skipIf: (context) => context.getHandler() !== AuthController.prototype.login,
          },
        ],
        errorMessage: 'too many requests from this address: wait a minute and try again',
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    JwtStrategy,
    FirstAdmin,
    FollowUserChanges,
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}
