export interface BackoffOptions {
  /** Delay before the first resubscription, in ms. */
  initialMs?: number;
  /** Longest delay, in ms. */
  maxMs?: number;
  factor?: number;
  /** Spread each delay by ± this fraction, so many subscribers do not reconnect in lockstep. */
  jitter?: number;
}

export const DEFAULT_BACKOFF: Required<BackoffOptions> = {
  initialMs: 100,
  maxMs: 30_000,
  factor: 2,
  jitter: 0.2,
};

/**
 * How long to wait before resubscription attempt number `attempt` (1 for the first after a drop):
 * initialMs · factor^(attempt-1), capped at maxMs, spread by ± jitter. `random` returns [0, 1).
 */
export function resubscribeDelay(
  attempt: number,
  options: BackoffOptions = {},
  random: () => number = Math.random,
): number {
  const { initialMs, maxMs, factor, jitter } = { ...DEFAULT_BACKOFF, ...options };
  const step = Math.max(1, Math.floor(attempt));
  const base = Math.min(maxMs, initialMs * Math.pow(factor, step - 1));
  const spread = 1 - jitter + 2 * jitter * random();
  return Math.max(0, Math.min(maxMs, Math.round(base * spread)));
}
