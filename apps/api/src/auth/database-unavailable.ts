import { ServiceUnavailableException } from '@nestjs/common';
import { RETRY_AFTER_SECONDS } from '../http-errors/database-unavailable';

export { isDatabaseUnavailable } from '../http-errors/database-unavailable';

/**
 * The answer to a request that needed the database while it could not be reached: 503 with
 * `Retry-After`, so a client keeps its session and tries again, and alerting on 5xx sees the
 * outage (a 401 would tell the client its valid token is bad). The header is set on the response
 * here because an exception carries no headers. Which errors count as "cannot be reached" is
 * decided in one place, http-errors/database-unavailable.ts, for the guard and the error filter.
 */
export function databaseUnavailable(response: {
  setHeader(name: string, value: string): unknown;
}): ServiceUnavailableException {
  response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  return new ServiceUnavailableException(
    'the ledger cannot reach its database at the moment: try again shortly',
  );
}
