import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Failed logins on one account name since its last successful login (or since a day without a
 * failure); see migrations/1765000000004-login-failures.ts and the API's LoginLockout.
 */
@Entity({ schema: 'auth', name: 'login_failures' })
@Check('login_failures_failures_check', `failures >= 0`)
@Index('login_failures_last_failure_at', ['lastFailureAt'])
export class LoginFailure {
  /** The username given at login, whether or not such a user exists. */
  @PrimaryColumn('text')
  account: string;

  /** Attempts counted as failed (an attempt counts before its password is checked). */
  @Column('integer', { default: 0 })
  failures: number;

  @Column('timestamptz', { name: 'last_failure_at', default: () => 'now()' })
  lastFailureAt: Date;

  /** Until when every login on this account is refused (429), without checking the password. */
  @Column('timestamptz', { name: 'locked_until', nullable: true })
  lockedUntil: Date | null;
}
