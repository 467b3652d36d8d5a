import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { LEDGER_CONFIG, type LedgerConfig, type Role, UsersService } from '@ledger/platform';
import { type AccessTokenClaims, TOKEN_AUDIENCE, TOKEN_ISSUER } from './authenticated-user';
import type { LoginAnswer } from './login.dto';
import { LoginLocked, LoginLockout } from './login-lockout';

/** Logging in: a username and password for a signed, expiring access token. */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly lockout: LoginLockout,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  /**
   * A token for a right username and password. The account's failed logins are checked (and
   * this attempt counted) first, so a refused attempt (LoginLocked, 429) costs no argon2 and
   * tells nothing about the password; a success clears the count.
   */
  async login(username: string, password: string): Promise<LoginAnswer> {
    const claim = await this.lockout.claim(username);
    if (!claim.allowed) throw new LoginLocked(claim.retryAfterSeconds);
    const user = await this.users.authenticate(username, password);
    // One answer for an unknown user, a disabled one and a wrong password.
    if (!user) throw new UnauthorizedException('unknown username or wrong password');
    await this.lockout.succeeded(username);
    return this.issueToken(user);
  }

  /**
   * A token for this user, valid while the user's token version stays `tokenVersion` (also used
   * by tests that need a logged-in user without a login).
   */
  async issueToken(user: { id: string; role: Role; tokenVersion: number }): Promise<LoginAnswer> {
    const expiresIn = this.config.auth.tokenTtlSeconds;
    const claims: AccessTokenClaims = { sub: user.id, role: user.role, ver: user.tokenVersion };
    const accessToken = await this.jwt.signAsync(claims, {
      expiresIn,
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      algorithm: 'HS256',
    });
    return { accessToken, tokenType: 'Bearer', expiresIn, role: user.role };
  }
}
