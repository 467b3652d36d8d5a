import { ServiceUnavailableException } from '@nestjs/common';

/** What a client is told to wait before it tries again while the database cannot be reached. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Socket errors of a server that is down, restarting or unreachable (from node:net and the pg
 * client), as opposed to an error in what was asked of it.
 */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server that will not serve now: class 08 (connection exception), 57P01-57P03
 * (shut down by an administrator, crashed, starting up or shutting down) and 53300 (too many
 * connections).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;

/** Messages of node-postgres and its pool for a connection lost or never made. */
const UNREACHABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|connection error and is not queryable|Connection is not open/i;

/**
 * Whether an error means the database cannot be reached at the moment (the request may succeed
 * if tried again), rather than that the request or the code is wrong. Looks through TypeORM's
 * `driverError`, `cause` and the `errors` of an AggregateError (a refused connection to a host
 * with several addresses).
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const { code, message, driverError, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code)))
    return true;
  if (typeof message === 'string' && UNREACHABLE_MESSAGE.test(message)) return true;
  return (
    isDatabaseUnavailable(driverError, depth + 1) ||
    isDatabaseUnavailable(cause, depth + 1) ||
    (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner, depth + 1)))
  );
}

/**
 * The answer to a request that needed the database while it could not be reached: 503 with
 * `Retry-After`, so a client keeps its session and tries again, and alerting on 5xx sees the
 * outage (a 401 would tell the client its valid token is bad). The header is set on the response
 * here because an exception carries no headers.
 */
export function databaseUnavailable(response: {
  setHeader(name: string, value: string): unknown;
}): ServiceUnavailableException {
  response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
  return new ServiceUnavailableException(
    'the ledger cannot reach its database at the moment: try again shortly',
  );
}
