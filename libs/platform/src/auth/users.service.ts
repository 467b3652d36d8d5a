import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, QueryFailedError, Repository } from 'typeorm';
import { generatePassword, hashPassword, passwordMatches, passwordProblem } from './passwords';
import { isRole, ROLES, type Role } from './roles';
import { User } from './user.entity';
import { ActiveUserCache } from './active-user-cache';

export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/;

/** A user as shown to operators: never the hash. */
export interface UserSummary {
  id: string;
  username: string;
  role: Role;
  createdAt: string;
  passwordChangedAt: string;
  disabledAt: string | null;
}

/** A request about users that cannot be done as asked; the message says why. */
export class UserRequestRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserRequestRefused';
  }
}

/** Hashed once, so an unknown username costs as much time as a wrong password. */
let dummyHash: Promise<string> | undefined;

/** Users, roles and passwords (schema `auth`); used by the API (login, tokens) and the CLI. */
@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly activeUsers: ActiveUserCache,
  ) {}

  /**
   * Adds a user. Without a password one is generated; either way the password is returned once
   * and only its argon2id hash is kept.
   */
  async add(
    username: string,
    role: string,
    password?: string,
    id: string = randomUUID(),
  ): Promise<{ user: UserSummary; password: string }> {
    if (!USERNAME_PATTERN.test(username)) {
      throw new UserRequestRefused(
        "a username is 1-100 letters, digits, '.', '_', '@' or '-', starting with a letter or digit",
      );
    }
    if (!isRole(role)) {
      throw new UserRequestRefused(`role must be one of ${ROLES.join(', ')} (got "${role}")`);
    }
    const chosen = password ?? generatePassword();
    const problem = passwordProblem(chosen);
    if (problem) throw new UserRequestRefused(`the password ${problem}`);
    const now = new Date();
    try {
      await this.users.insert({
        id,
        username,
        role,
        passwordHash: await hashPassword(chosen),
        createdAt: now,
        passwordChangedAt: now,
        disabledAt: null,
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error as { code?: string }).code === '23505') {
        throw new UserRequestRefused(`a user named ${username} already exists`);
      }
      throw error;
    }
    this.activeUsers.forget(id);
    return { user: summary(await this.users.findOneByOrFail({ id })), password: chosen };
  }

  async list(): Promise<UserSummary[]> {
    return (await this.users.find({ order: { username: 'ASC' } })).map(summary);
  }

  async count(): Promise<number> {
    return this.users.count();
  }

  /**
   * Disables a user: no login, and tokens issued earlier stop working at once (the change bumps
   * the user's token version, by a trigger).
   */
  async disable(username: string): Promise<UserSummary> {
    const user = await this.users.findOneBy({ username });
    if (!user) throw new UserRequestRefused(`no user named ${username}`);
    if (!user.disabledAt) {
      await this.users.update({ id: user.id }, { disabledAt: new Date() });
      this.activeUsers.forget(user.id);
    }
    return summary(await this.users.findOneByOrFail({ id: user.id }));
  }

  /**
   * Sets a new password (generated when none is given); tokens issued earlier stop working, even
   * one issued in the same second (the change bumps the user's token version, by a trigger).
   */
  async setPassword(username: string, password?: string): Promise<string> {
    const user = await this.users.findOneBy({ username });
    if (!user) throw new UserRequestRefused(`no user named ${username}`);
    const chosen = password ?? generatePassword();
    const problem = passwordProblem(chosen);
    if (problem) throw new UserRequestRefused(`the password ${problem}`);
    await this.users.update(
      { id: user.id },
      { passwordHash: await hashPassword(chosen), passwordChangedAt: new Date() },
    );
    this.activeUsers.forget(user.id);
    return chosen;
  }

  /** The active user with this username and password, or undefined (the same time either way). */
  async authenticate(username: string, password: string): Promise<User | undefined> {
    const user = await this.users.findOne({
      where: { username, disabledAt: IsNull() },
      select: [
        'id',
        'username',
        'role',
        'passwordHash',
        'passwordChangedAt',
        'disabledAt',
        'tokenVersion',
      ],
    });
    if (!user) {
      dummyHash ??= hashPassword(generatePassword());
      await passwordMatches(await dummyHash, password);
      return undefined;
    }
    return (await passwordMatches(user.passwordHash, password)) ? user : undefined;
  }

  /** The user a token names, if it still exists and is not disabled. */
  async activeUser(id: string): Promise<User | undefined> {
    return this.activeUsers.lookup(
      id,
      async () => (await this.users.findOneBy({ id, disabledAt: IsNull() })) ?? undefined,
    );
  }

  /**
   * On a ledger without any user: makes the user `admin` with the role admin and a generated
   * password, and returns the password (to be shown once). Undefined when any user exists, or
   * when another process made the first user at the same moment.
   */
  async createFirstAdmin(): Promise<{ username: string; password: string } | undefined> {
    const password = generatePassword();
    const hash = await hashPassword(password);
    const inserted: unknown[] = await this.users.query(
      `INSERT INTO auth.users (user_id, username, password_hash, role)
       SELECT $1, 'admin', $2, 'admin' WHERE NOT EXISTS (SELECT 1 FROM auth.users)
       ON CONFLICT (username) DO NOTHING
       RETURNING user_id`,
      [randomUUID(), hash],
    );
    return inserted.length === 1 ? { username: 'admin', password } : undefined;
  }
}

function summary(user: User): UserSummary {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    createdAt: user.createdAt.toISOString(),
    passwordChangedAt: user.passwordChangedAt.toISOString(),
    disabledAt: user.disabledAt ? user.disabledAt.toISOString() : null,
  };
}
