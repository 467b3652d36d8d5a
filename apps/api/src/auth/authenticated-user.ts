import type { Role } from '@ledger/platform';

/** What the AccessGuard puts on `request.user` once the bearer token checks out. */
export interface AuthenticatedUser {
  /** The user's id (a UUID): the actor id of everything they record. */
  id: string;
  username: string;
  role: Role;
}

/** The claims of an access token. */
export interface AccessTokenClaims {
  sub: string;
  role: Role;
  /** The user's token version when the token was issued (auth.users.token_version). */
  ver: number;
  iat?: number;
  exp?: number;
}

export const TOKEN_ISSUER = 'alliance-ledger';
export const TOKEN_AUDIENCE = 'alliance-ledger-api';
