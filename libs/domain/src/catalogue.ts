import { allianceEventTypes } from './alliance/alliance.events';
import { evaluationRoundEventTypes } from './evaluations/evaluation.events';
import { governanceEventTypes } from './governance/governance.events';
import { grantEventTypes } from './grants/grant.events';
import { housingReportEventTypes } from './housing/housing.events';
import { initiativeEventTypes } from './initiatives/initiative.events';
import { organisationEventTypes } from './organisations/organisation.events';
import { partnerEventTypes } from './partners/partner.events';
import { referenceCountEventTypes } from './reference-counts/reference-count.events';

/** The stream category each aggregate writes to: its streams are `<category>-<id>`. */
export const streamCategories = {
  alliance: 'alliance',
  partner: 'partner',
  governance: 'governance',
  initiative: 'initiative',
  housingReport: 'housing-report',
  grant: 'grant',
  evaluationRound: 'evaluation-round',
  referenceCounts: 'reference-counts',
  organisation: 'organisation',
} as const;
export type StreamCategory = (typeof streamCategories)[keyof typeof streamCategories];

const byStream: Array<[StreamCategory, readonly string[]]> = [
  ['alliance', allianceEventTypes],
  ['partner', partnerEventTypes],
  ['governance', governanceEventTypes],
  ['initiative', initiativeEventTypes],
  ['housing-report', housingReportEventTypes],
  ['grant', grantEventTypes],
  ['evaluation-round', evaluationRoundEventTypes],
  ['reference-counts', referenceCountEventTypes],
  ['organisation', organisationEventTypes],
];

export type DomainEventType =
  | (typeof allianceEventTypes)[number]
  | (typeof partnerEventTypes)[number]
  | (typeof governanceEventTypes)[number]
  | (typeof initiativeEventTypes)[number]
  | (typeof housingReportEventTypes)[number]
  | (typeof grantEventTypes)[number]
  | (typeof evaluationRoundEventTypes)[number]
  | (typeof referenceCountEventTypes)[number]
  | (typeof organisationEventTypes)[number];

/**
 * Every event type with the schema version new events are written with. Raise a version only
 * with an upcaster from the old one in the event store's registry; stored events are never
 * rewritten.
 */
export const domainEventCatalogue: Array<{
  type: DomainEventType;
  schemaVersion: number;
  stream: StreamCategory;
}> = byStream.flatMap(([stream, types]) =>
  types.map((type) => ({ type: type as DomainEventType, schemaVersion: 1, stream })),
);
