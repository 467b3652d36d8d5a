import { createSecretKey } from 'node:crypto';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { UsersService } from '@ledger/platform';
import {
  type AccessTokenClaims,
  type AuthenticatedUser,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
} from './authenticated-user';
import { JWT_SECRET } from './jwt-secret.provider';

/**
 * Checks the bearer token (signature, expiry, issuer, audience), then the user it names: a user
 * disabled since, or whose token version moved on since the token was issued (a new password, a
 * new role, disabled), is refused. The role is the user's current one, not the one in the token,
 * so a change applies at once.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(JWT_SECRET) secret: string,
    private readonly users: UsersService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A key object made once: given the secret as text, jsonwebtoken first tries it as a PEM
      // public key on every request (and fails), which cost most of a request's time here.
      secretOrKey: createSecretKey(Buffer.from(secret)) as unknown as string,
      algorithms: ['HS256'],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<AuthenticatedUser> {
    const user =
      typeof claims.sub === 'string' ? await this.users.activeUser(claims.sub) : undefined;
    if (!user) throw new UnauthorizedException('the user of this token is unknown or disabled');
    // Not a comparison of times: `iat` is in whole seconds, so a token issued in the same second
    // as a password change would survive it. A token without a version (issued before versions
    // existed) is refused too: its user logs in again.
    if (claims.ver !== user.tokenVersion) {
      throw new UnauthorizedException(
        'this token was revoked (new password, role or disabled user): log in again',
      );
    }
    return { id: user.id, username: user.username, role: user.role };
  }
}
