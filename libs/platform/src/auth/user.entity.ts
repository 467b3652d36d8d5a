import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from './roles';

/**
 * A person or system that may log in. Users are operational data, not events: a password must
 * be changeable and a user disabled without a trace in the immutable log. What a user recorded
 * is in the log anyway, as the actor of each event (`{id: userId, role}`); the id is an opaque
 * UUID, so no name of a person ever enters an event through the actor.
 */
@Entity({ schema: 'auth', name: 'users' })
@Check('users_username_check', `username ~ '^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$'`)
@Check('users_role_check', `role IN ('secretariat', 'board', 'auditor', 'admin')`)
export class User {
  @PrimaryColumn('uuid', { name: 'user_id' })
  id: string;

  @Column('text', { unique: true })
  username: string;

  /** argon2id, in the PHC string format (`$argon2id$v=19$m=...`). */
  @Column('text', { name: 'password_hash', select: false })
  passwordHash: string;

  @Column('text')
  role: Role;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'password_changed_at', default: () => 'now()' })
  passwordChangedAt: Date;

  /** A disabled user can neither log in nor use a token issued earlier. */
  @Column('timestamptz', { name: 'disabled_at', nullable: true })
  disabledAt: Date | null;

  /**
   * Tokens carry the version their user had when issued (claim `ver`); one with another version
   * is refused. A trigger bumps it whenever the password, the role or `disabled_at` changes
   * (migrations/1765000000003-token-version.ts), whoever makes the change.
   */
  @Column('integer', { name: 'token_version', default: 0 })
  tokenVersion: number;
}
