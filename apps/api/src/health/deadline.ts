/**
 * `work`, or a rejection naming `what` after `ms`: a health check answers within its deadline
 * even when a connection hangs (a server that went away without closing it), so a load balancer
 * probing /health sees "down" instead of a probe that never returns.
 */
export function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  // The work may still fail after the deadline: that is no unhandled rejection.
  work.catch(() => undefined);
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** How long each part of /health may take. */
export const HEALTH_CHECK_MS = 2000;
