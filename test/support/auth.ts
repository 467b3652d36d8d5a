import { randomBytes, randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { type Role, UsersService } from '@ledger/platform';
import { AuthService } from '../../apps/api/src/auth/auth.service';

/** The id of the secretariat user `signIn` makes by default: the actor of what tests record. */
export const TEST_SECRETARIAT_ID = '5ec7e7a1-0000-4000-8000-000000000001';

export interface TestUser {
  id: string;
  username: string;
  role: Role;
  password: string;
  token: string;
  /** `{ Authorization: 'Bearer ...' }`, for supertest's `.set(...)`. */
  auth: { Authorization: string };
}

/**
 * Makes a user in the app's database (through UsersService, as `cli users add` does) and a token
 * for it (through AuthService, as POST /auth/login does, without spending the login rate limit).
 * With no arguments: a secretariat user with the id TEST_SECRETARIAT_ID, made once per app.
 */
export async function signIn(
  app: INestApplication,
  role: Role = 'secretariat',
  id: string = role === 'secretariat' ? TEST_SECRETARIAT_ID : randomUUID(),
): Promise<TestUser> {
  const made = signedIn.get(app) ?? new Map<string, TestUser>();
  signedIn.set(app, made);
  const known = made.get(id);
  if (known) return known;
  const password = randomBytes(18).toString('base64url');
  const username = `test-${role}-${id.slice(-12)}`;
  await app.get(UsersService).add(username, role, password, id);
  // Read past the ActiveUserCache, so that tests of the cache find nothing cached by this.
  const [{ token_version: tokenVersion }] = await app
    .get(DataSource)
    .query<Array<{ token_version: number }>>(
      `SELECT token_version FROM auth.users WHERE user_id = $1`,
      [id],
    );
  const { accessToken } = await app.get(AuthService).issueToken({ id, role, tokenVersion });
  const user: TestUser = {
    id,
    username,
    role,
    password,
    token: accessToken,
    auth: { Authorization: `Bearer ${accessToken}` },
  };
  made.set(id, user);
  return user;
}

/** Users made by signIn, per app, so a second call answers the first user again. */
const signedIn = new WeakMap<INestApplication, Map<string, TestUser>>();

/** `Authorization: Bearer ...` of a secretariat user, for requests in tests: `.set(await authHeader(app))`. */
export async function authHeader(
  app: INestApplication,
  role: Role = 'secretariat',
): Promise<{ Authorization: string }> {
  return (await signIn(app, role)).auth;
}

/** supertest with the user's token on every request. */
export function as(app: INestApplication, user: { auth: { Authorization: string } }) {
  const server = app.getHttpServer();
  return {
    get: (path: string) => request(server).get(path).set(user.auth),
    post: (path: string) => request(server).post(path).set(user.auth),
  };
}
