import type {
  AllianceEvent,
  DomainEventType,
  EvaluationRoundEvent,
  GovernanceEvent,
  GrantEvent,
  HousingReportEvent,
  InitiativeEvent,
  OrganisationEvent,
  PartnerEvent,
  ReferenceCountEvent,
} from '@ledger/domain';
import {
  allianceEventTypes,
  domainEventCatalogue,
  evaluationRoundEventTypes,
  governanceEventTypes,
  grantEventTypes,
  housingReportEventTypes,
  initiativeEventTypes,
  organisationEventTypes,
  partnerEventTypes,
  referenceCountEventTypes,
} from '@ledger/domain';
import { RecordedEvent } from '@ledger/event-store';

/** Every event of the domain, as the aggregates decide them. */
export type LedgerEvent =
  | AllianceEvent
  | PartnerEvent
  | GovernanceEvent
  | InitiativeEvent
  | HousingReportEvent
  | GrantEvent
  | EvaluationRoundEvent
  | ReferenceCountEvent
  | OrganisationEvent;

/** A domain event in its envelope: `type` and `data` from the domain's union, one member each. */
type Recorded<E> = E extends LedgerEvent
  ? Omit<RecordedEvent, 'type' | 'data'> & { type: E['type']; data: E['data'] }
  : never;

/**
 * A recorded event of the ledger as a discriminated union: `switch (event.type)` narrows
 * `event.data` to that event's data, and a switch that ends in `assertNever(event)` fails to
 * build when the union gains a type it does not handle.
 */
export type RecordedDomainEvent = Recorded<LedgerEvent>;

/** The recorded events of the given types. */
export type RecordedEventOf<T extends DomainEventType> = Extract<RecordedDomainEvent, { type: T }>;

/**
 * The compile-time link between the domain's event unions and its lists of event types (which
 * the catalogue, the registry and every projection's event set are made from): each list must
 * name exactly its union's types, so a type added to a union but not to its list (or the other
 * way round) fails the build here, not silently at run time.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
type _EventListsMatchUnions = [
  Holds<Same<(typeof allianceEventTypes)[number], AllianceEvent['type']>>,
  Holds<Same<(typeof partnerEventTypes)[number], PartnerEvent['type']>>,
  Holds<Same<(typeof governanceEventTypes)[number], GovernanceEvent['type']>>,
  Holds<Same<(typeof initiativeEventTypes)[number], InitiativeEvent['type']>>,
  Holds<Same<(typeof housingReportEventTypes)[number], HousingReportEvent['type']>>,
  Holds<Same<(typeof grantEventTypes)[number], GrantEvent['type']>>,
  Holds<Same<(typeof evaluationRoundEventTypes)[number], EvaluationRoundEvent['type']>>,
  Holds<Same<(typeof referenceCountEventTypes)[number], ReferenceCountEvent['type']>>,
  Holds<Same<(typeof organisationEventTypes)[number], OrganisationEvent['type']>>,
  Holds<Same<DomainEventType, LedgerEvent['type']>>,
];

const CATALOGUED: ReadonlySet<string> = new Set(domainEventCatalogue.map((entry) => entry.type));

/**
 * The one place a stored event becomes a typed domain event: its type is checked against the
 * given types (by default every type of the catalogue) and the event is returned as it is,
 * typed by that type. Events are upcast to the current schema when read, so their data has the
 * shape the domain declares for the type.
 */
export function asDomainEvent(event: RecordedEvent): RecordedDomainEvent;
export function asDomainEvent<T extends DomainEventType>(
  event: RecordedEvent,
  types: ReadonlySet<T>,
): RecordedEventOf<T>;
export function asDomainEvent(
  event: RecordedEvent,
  types: ReadonlySet<string> = CATALOGUED,
): RecordedDomainEvent {
  if (!types.has(event.type)) {
    throw new Error(
      `${JSON.stringify(event.type)} (global position ${event.globalPosition}) is not ${
        types === CATALOGUED ? 'an event type of the ledger' : 'one of the expected event types'
      }`,
    );
  }
  return event as RecordedDomainEvent;
}

/** The set of the given lists' types, typed by them: a projection's or a query's event set. */
export function eventTypeSet<T extends DomainEventType>(
  ...lists: ReadonlyArray<readonly T[]>
): ReadonlySet<T> {
  return new Set(lists.flat());
}

/** The event types of a set made by eventTypeSet. */
export type TypesIn<S> = S extends ReadonlySet<infer T extends DomainEventType> ? T : never;
