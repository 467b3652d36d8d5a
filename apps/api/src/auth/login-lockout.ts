import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LEDGER_CONFIG, type LedgerConfig } from '@ledger/platform';

/** The longest an account's logins are refused after one more failure. */
export const LONGEST_LOCK_SECONDS = 3600;
/** Failures older than this, with none since, are forgotten. */
const FORGET_AFTER = '1 day';

/** Whether a login on an account may go ahead, or for how long it is refused. */
export type LoginClaim = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Failed logins per account, in PostgreSQL (auth.login_failures) so that every API process
 * counts the same ones (issue 17, item 9): the per-address throttler alone let 40 addresses make
 * 40 guesses at `admin`. After `afterFailures` failures in a row the account's logins are refused
 * for `firstLockSeconds`, doubling with each further failure up to LONGEST_LOCK_SECONDS; a
 * successful login clears the count.
 *
 * Each attempt is counted *before* its password is checked (`claim`) and uncounted by `succeeded`:
 * so parallel attempts can never check more passwords than the threshold allows, and a refusal
 * is decided without the password — it tells nothing about whether the password was right. The
 * name is counted whether or not such a user exists, so the refusal does not tell that either.
 * The cost: anyone can keep an account's logins refused by failing on purpose (at most an hour
 * per failure, and only by spending the attempts the per-address limit allows).
 */
@Injectable()
export class LoginLockout {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  /** Counts an attempt on `account` as failed unless it is refused now; see the class. */
  async claim(account: string): Promise<LoginClaim> {
    const { afterFailures, firstLockSeconds } = this.config.loginLockout;
    const claim = await this.dataSource.transaction(async (manager): Promise<LoginClaim> => {
      await manager.query(
        `INSERT INTO auth.login_failures (account) VALUES ($1) ON CONFLICT (account) DO NOTHING`,
        [account],
      );
      // The row is locked until commit: parallel attempts on one account are counted in turn.
      const [row] = await manager.query<
        Array<{ failures: number; wait: number | null; stale: boolean }>
      >(
        `SELECT failures,
                ceil(extract(epoch FROM locked_until - now()))::int AS wait,
                last_failure_at < now() - interval '${FORGET_AFTER}' AS stale
           FROM auth.login_failures WHERE account = $1 FOR UPDATE`,
        [account],
      );
      if (row.wait !== null && row.wait > 0) return { allowed: false, retryAfterSeconds: row.wait };
      const failures = row.stale ? 1 : row.failures + 1;
      const lockSeconds =
        failures < afterFailures ? null : lockFor(failures - afterFailures, firstLockSeconds);
      await manager.query(
        `UPDATE auth.login_failures
            SET failures = $2, last_failure_at = now(),
                locked_until = now() + make_interval(secs => $3::int)
          WHERE account = $1`,
        [account, failures, lockSeconds],
      );
      return { allowed: true };
    });
    await this.forgetOldFailures();
    return claim;
  }

  /** The attempt on `account` succeeded: its failures are forgotten. */
  async succeeded(account: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM auth.login_failures WHERE account = $1`, [account]);
  }

  /**
   * Keeps the table small (names that never exist are counted too): rows with no failure for
   * FORGET_AFTER go, a few at a time, skipping rows another attempt holds.
   */
  private async forgetOldFailures(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM auth.login_failures WHERE account IN (
         SELECT account FROM auth.login_failures
          WHERE last_failure_at < now() - interval '${FORGET_AFTER}'
            AND (locked_until IS NULL OR locked_until < now())
          LIMIT 100 FOR UPDATE SKIP LOCKED)`,
    );
  }
}

/** Seconds of the lock after `beyond` failures past the threshold: doubling, capped. */
export function lockFor(beyond: number, firstLockSeconds: number): number {
  return Math.min(LONGEST_LOCK_SECONDS, firstLockSeconds * 2 ** Math.min(beyond, 20));
}

/** 429 for a login on an account whose logins are refused for now (Retry-After: the seconds). */
export class LoginLocked extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        error: 'Too Many Requests',
        message: `too many failed logins on this account: try again in ${retryAfterSeconds} s`,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
