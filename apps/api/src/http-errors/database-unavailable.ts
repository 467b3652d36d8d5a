/**
 * Whether an error means "the database cannot be reached just now" — the server died, is
 * restarting or failing over, the network dropped, or no connection could be had in time — as
 * opposed to a fault in the request or in our code. Those are answered 503 with Retry-After: the
 * same request may well succeed in a few seconds, and a 500 would page someone for an outage the
 * ledger recovers from by itself.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return causesOf(error).some(
    (e) =>
      UNAVAILABLE_SQLSTATES.has(e.code ?? '') ||
      (e.code?.startsWith('08') ?? false) ||
      UNAVAILABLE_SOCKET_CODES.has(e.code ?? '') ||
      UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(e.message ?? '')),
  );
}

/** Seconds a client should wait before trying again: about the time a restart takes. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * SQLSTATEs of a server going away (class 08, connection exception, is matched whole):
 * 57P01 admin_shutdown (also sent to every session when the postmaster dies), 57P02
 * crash_shutdown, 57P03 cannot_connect_now (starting up, in recovery), 53300
 * too_many_connections, 25006 read_only_sql_transaction (a failover's old primary, now a standby).
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '25006']);

/** Node's socket errors on the way to the server. */
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** pg's and pg-pool's own errors, which carry no code. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/, // "... unexpectedly", "... due to connection timeout"
  /^timeout exceeded when trying to connect$/, // pg-pool: no connection free or made in time
  /^timeout expired$/, // pg's own connectionTimeoutMillis: the server did not answer in time
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
  /^Cannot use a pool after calling end on the pool$/, // shutting down
  /^Connection is not open$/, // TypeORM's query runner on a connection it lost
];

interface ErrorLike {
  code?: string;
  message?: string;
}

/**
 * The error and what it wraps: TypeORM's QueryFailedError keeps pg's error as `driverError`,
 * errors chain through `cause`, and a connection to a host with several addresses fails with an
 * AggregateError of one error each. A few levels are enough; cycles are not followed.
 */
function causesOf(error: unknown, depth = 0, seen = new Set<unknown>()): ErrorLike[] {
  if (typeof error !== 'object' || error === null || depth > 4 || seen.has(error)) return [];
  seen.add(error);
  const e = error as ErrorLike & { driverError?: unknown; cause?: unknown; errors?: unknown };
  const inner = [e.driverError, e.cause, ...(Array.isArray(e.errors) ? e.errors : [])];
  return [
    { code: typeof e.code === 'string' ? e.code : undefined, message: String(e.message ?? '') },
    ...inner.flatMap((i) => causesOf(i, depth + 1, seen)),
  ];
}
