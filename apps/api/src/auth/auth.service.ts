import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { LEDGER_CONFIG, type LedgerConfig, type Role, UsersService } from '@ledger/platform';
import { type AccessTokenClaims, TOKEN_AUDIENCE, TOKEN_ISSUER } from './authenticated-user';
import type { LoginAnswer } from './login.dto';

/** Logging in: a username and password for a signed, expiring access token. */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  async login(username: string, password: string): Promise<LoginAnswer> {
    const user = await this.users.authenticate(username, password);
    // One answer for an unknown user, a disabled one and a wrong password.
    if (!user) throw new UnauthorizedException('unknown username or wrong password');
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
