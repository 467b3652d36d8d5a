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
import { LoginLockout } from './login-lockout';

const MINUTE = 60_000;
/** The rate limits count an IPv6 client by the first this many bits of its address. */
export const IPV6_CLIENT_PREFIX = 64;

/**
 * Who may do what (issue 9): login, bearer tokens, and the two global guards, in this order:
 * the throttler (per client IP, an IPv6 /64 counting as one: RATE_LIMIT_PER_MINUTE for
 * everything, and the stricter `login` limit on POST /auth/login), then the AccessGuard (token
 * and roles). Failed logins are also counted per account, in the database (LoginLockout).
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
        // By client address, an IPv6 address by its /64 (one host or subscriber is routinely
        // given a whole /64, so per address it could take a fresh bucket for every request) and
        // an IPv4-mapped one (::ffff:1.2.3.4) as its IPv4 address: the throttler's own tracker
        // (normalizeIp). Its default is 64 too; set here so that no upgrade changes it unseen.
        ipv6SubnetPrefix: IPV6_CLIENT_PREFIX,
        errorMessage: 'too many requests from this address: wait a minute and try again',
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    LoginLockout,
    JwtStrategy,
    FirstAdmin,
    FollowUserChanges,
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}
