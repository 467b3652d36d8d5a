import {
  allianceEventTypes,
  assertNever,
  type AllianceEvent,
  type DomainEvent,
  domainEventCatalogue,
} from '@ledger/domain';
import { RecordedEvent } from '@ledger/event-store';
import { asDomainEvent, eventTypeSet, RecordedEventOf, TypesIn } from './domain-events';
import { eventsFor, Projection } from './projection';
import { ledgerProjections } from '../projections';

/*
 * The type-level half of this file is checked by `tsc -p tsconfig.json --noEmit` (npm run lint):
 * jest compiles specs without type checking. Each `@ts-expect-error` below must be an error;
 * if a change made it compile, tsc would fail with "Unused '@ts-expect-error' directive".
 */

function recorded(type: string, data: unknown, globalPosition = 1): RecordedEvent {
  return {
    eventId: `e-${globalPosition}`,
    type,
    schemaVersion: 1,
    data,
    streamId: 's-1',
    streamVersion: globalPosition,
    globalPosition,
    recordedAt: '2024-01-01T00:00:00.000Z',
    occurredAt: '2024-01-01T00:00:00.000Z',
    actor: { id: 'secretariat', role: 'secretariat' },
    commandId: 'c',
    correlationId: 'c',
    causationId: null,
    streamHash: 'h',
    globalHash: null,
  } as RecordedEvent;
}

const ALLIANCE = eventTypeSet(allianceEventTypes);
type AllianceRecorded = RecordedEventOf<TypesIn<typeof ALLIANCE>>;

/** A switch as every projection writes it: each type handled, then assertNever. */
function describeAlliance(event: AllianceRecorded): string {
  switch (event.type) {
    case 'AllianceFounded':
      // The type narrows the data: no cast.
      return `${event.data.name}: ${event.data.goal.homes}`;
    case 'AllianceGoalRevised':
      return `${event.data.previousGoal.homes} -> ${event.data.goal.homes}`;
    default:
      return assertNever(event);
  }
}

describe('typed domain events', () => {
  it('asDomainEvent returns the event itself, typed, for a type of the catalogue', () => {
    const event = recorded('AllianceFounded', { name: 'Hjem til Alle', goal: { homes: 2300 } });
    const typed = asDomainEvent(event);
    expect(typed).toBe(event);
    expect(describeAlliance(asDomainEvent(event, ALLIANCE))).toBe('Hjem til Alle: 2300');
  });

  it('asDomainEvent refuses a type outside the catalogue, or outside the given types', () => {
    expect(() => asDomainEvent(recorded('AllianceRenamed', {}))).toThrow(
      '"AllianceRenamed" (global position 1) is not an event type of the ledger',
    );
    expect(() => asDomainEvent(recorded('HomesReported', {}), ALLIANCE)).toThrow(
      '"HomesReported" (global position 1) is not one of the expected event types',
    );
  });

  it('eventsFor gives a projection exactly its events, in order', () => {
    const alliance = ledgerProjections().find((p) => p.name === 'alliance')!;
    const events = [
      recorded('AllianceFounded', {}, 1),
      recorded('HomesReported', {}, 2),
      recorded('AllianceGoalRevised', {}, 3),
      recorded('SomethingUnknown', {}, 4),
    ];
    expect(eventsFor(alliance, events, () => true).map((e) => e.globalPosition)).toEqual([1, 3]);
    expect(
      eventsFor(alliance, events, (e) => e.globalPosition! > 1).map((e) => e.globalPosition),
    ).toEqual([3]);
  });

  it('assertNever throws for a value that got past the types', () => {
    const rogue = recorded('AllianceRenamed', {}) as unknown as AllianceRecorded;
    expect(() => describeAlliance(rogue)).toThrow('unhandled case: "AllianceRenamed"');
  });

  it('every projection reads only types of the catalogue', () => {
    const catalogued = new Set<string>(domainEventCatalogue.map((entry) => entry.type));
    for (const projection of ledgerProjections()) {
      expect([...projection.eventTypes].filter((type) => !catalogued.has(type))).toEqual([]);
    }
  });
});

// ---- Type level: what must not compile (checked by tsc, see the top of the file). ----

/** A switch that forgets a type of its union does not build. */
export function forgetsARevision(event: AllianceRecorded): string {
  switch (event.type) {
    case 'AllianceFounded':
      return event.data.name;
    default:
      // @ts-expect-error AllianceGoalRevised is not handled: event is not `never` here
      return assertNever(event);
  }
}

/**
 * A new event type in a union (as if `AllianceRenamed` were added to AllianceEvent) breaks a
 * switch that handled every type before it.
 */
type AllianceEventWithANewType = AllianceEvent | DomainEvent<'AllianceRenamed', { name: string }>;
export function handledEveryOldType(event: AllianceEventWithANewType): string {
  switch (event.type) {
    case 'AllianceFounded':
      return event.data.name;
    case 'AllianceGoalRevised':
      return event.data.reason;
    default:
      // @ts-expect-error AllianceRenamed is new and not handled
      return assertNever(event);
  }
}

/** The data is that of the type the switch is on: a housing report's count is not an alliance's. */
export function readsTheWrongData(event: AllianceRecorded): unknown {
  if (event.type === 'AllianceFounded') {
    // @ts-expect-error AllianceFoundedData has no count
    return event.data.count;
  }
  return null;
}

/** An event set holds only the ledger's event types. */
// @ts-expect-error 'AllianceRenamed' is not an event type of the catalogue
export const notAType = eventTypeSet(['AllianceRenamed']);

/** A projection's apply takes the events of its set, not others. */
export class WrongEvents implements Projection<TypesIn<typeof ALLIANCE>> {
  readonly name = 'wrong';
  readonly tables = [];
  readonly eventTypes = ALLIANCE;
  async apply(event: AllianceRecorded): Promise<void> {
    // @ts-expect-error a HomesReported case cannot occur among the alliance's events
    if (event.type === 'HomesReported') return;
  }
}
