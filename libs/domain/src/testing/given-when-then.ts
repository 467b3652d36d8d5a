import type { Decider, DomainEvent } from '../shared/events';
import { DomainRuleViolation, InvalidCommand, NotFoundInDomain } from '../shared/errors';
import type { DomainRuleName } from '../shared/rules';

/** The moment commands without their own `occurredAt` are taken to happen in tests. */
export const NOW = '2026-01-15T09:00:00.000Z';

/**
 * given(events).when(command).then(events | error). Not exported from the library's index: it
 * uses jest's `expect`. Every `then` also checks that the events are plain JSON (they survive a
 * round trip unchanged) and that `evolve` accepts them.
 */
export function scenario<S, C, E extends DomainEvent>(decider: Decider<S, C, E>) {
  return {
    given(events: E[] = []) {
      const state = events.reduce(decider.evolve, decider.initialState);
      return {
        state,
        when(command: C, now: string | undefined = NOW) {
          const act = () => decider.decide(state, command, now);
          return {
            then(expected: E[]): S {
              const produced = act();
              expect(produced).toEqual(expected);
              expect(JSON.parse(JSON.stringify(produced))).toStrictEqual(produced);
              return produced.reduce(decider.evolve, state);
            },
            thenBreaks(rule: DomainRuleName): void {
              const error = caught(act);
              expect(error).toBeInstanceOf(DomainRuleViolation);
              expect(error).toMatchObject({ rule });
            },
            thenInvalid(field: string, rule: DomainRuleName): void {
              const error = caught(act);
              expect(error).toBeInstanceOf(InvalidCommand);
              expect(error).toMatchObject({ field, rule });
            },
            thenNotFound(what: string, id: string): void {
              const error = caught(act);
              expect(error).toBeInstanceOf(NotFoundInDomain);
              expect(error).toMatchObject({ what, id });
            },
          };
        },
      };
    },
  };
}

function caught(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  throw new Error('expected the command to be refused, but it decided events');
}
