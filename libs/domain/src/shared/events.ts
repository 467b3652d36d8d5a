/**
 * An event as the domain sees it. The event store wraps it in an envelope (ids, versions,
 * recordedAt, actor, hash chain); the domain only knows what happened and when in the world.
 * `data` is plain JSON so it survives storage byte for byte: optional values are `null`, never
 * `undefined`, and dates are ISO strings.
 */
export interface DomainEvent<T extends string = string, D = unknown> {
  type: T;
  data: D;
  /** ISO date-time: when it happened in the world (may lie long before it was recorded). */
  occurredAt?: string;
}

/** The shape every aggregate module offers, so handlers and tests can treat them alike. */
export interface Decider<S, C, E extends DomainEvent> {
  initialState: S;
  evolve(state: S, event: E): S;
  decide(state: S, command: C, now?: string): E[];
}

/** Replays a stream into a state; used by handlers after reading a stream. */
export function fold<S, E extends DomainEvent>(
  evolve: (state: S, event: E) => S,
  initialState: S,
  events: readonly E[],
): S {
  return events.reduce(evolve, initialState);
}
