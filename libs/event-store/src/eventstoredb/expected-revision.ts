import {
  AppendExpectedRevision,
  CurrentRevision,
  ErrorType,
  NO_STREAM,
  ANY,
  STREAM_EXISTS,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { ExpectedVersion } from '../port/event-envelope';
import { ConcurrencyError } from '../port/event-store.errors';

/** Our stream versions are 1-based; EventStoreDB revisions are 0-based. */
export function versionOfRevision(revision: bigint): number {
  return Number(revision) + 1;
}

export function revisionOfVersion(version: number): bigint {
  if (!Number.isSafeInteger(version) || version < 1) {
    throw new RangeError(`stream version must be a whole number from 1 (got ${version})`);
  }
  return BigInt(version - 1);
}

/** The plain translation of an expected version to the client's expectedRevision. */
export function toExpectedRevision(expected: ExpectedVersion): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return expected === 0 ? NO_STREAM : revisionOfVersion(expected);
  }
}

/** The last version a client revision names: null for no stream. */
export function lastVersionOfCurrent(
  current: CurrentRevision | AppendExpectedRevision,
): number | null {
  return typeof current === 'bigint' && current >= 0n ? versionOfRevision(current) : null;
}

/**
 * The exact revision to append at, given the stream's last version as just read. Every append is
 * made at an exact revision (or NO_STREAM), even for 'any', so that the per-stream hash chain is
 * computed from the event it really follows and can never fork.
 * @throws ConcurrencyError when the stream is not where `expected` says
 */
export function planRevision(
  streamId: string,
  expected: ExpectedVersion,
  lastVersion: number | null,
): typeof NO_STREAM | bigint {
  const exact = lastVersion === null ? NO_STREAM : revisionOfVersion(lastVersion);
  const fits =
    expected === 'any' ||
    (expected === 'no_stream' && lastVersion === null) ||
    (expected === 'stream_exists' && lastVersion !== null) ||
    (expected === 0 && lastVersion === null) ||
    (typeof expected === 'number' && expected > 0 && expected === lastVersion);
  if (!fits) throw new ConcurrencyError(streamId, expected, lastVersion);
  return exact;
}

export function isWrongExpectedVersion(error: unknown): error is WrongExpectedVersionError {
  return (
    error instanceof WrongExpectedVersionError ||
    (typeof error === 'object' &&
      error !== null &&
      (error as { type?: unknown }).type === ErrorType.WRONG_EXPECTED_VERSION)
  );
}

/** The client's WrongExpectedVersionError as our ConcurrencyError; null for any other error. */
export function toConcurrencyError(
  error: unknown,
  streamId: string,
  expected: ExpectedVersion,
): ConcurrencyError | null {
  if (!isWrongExpectedVersion(error)) return null;
  return new ConcurrencyError(streamId, expected, lastVersionOfCurrent(error.actualVersion));
}
