import type { DomainEvent } from '../shared/events';
import type { Sector } from '../shared/vocabulary';

/**
 * An organisation the alliance names that is not (or not yet) a partner: a foundation with a
 * board seat (Villumfonden), a municipality on the board, a funder. Partners are organisations
 * too, through their own stream; this is for the others, so that a board seat or a grant can
 * only name an organisation the ledger knows.
 */
export interface OrganisationRegisteredData {
  organisationId: string;
  name: string;
  sector: Sector;
}

export type OrganisationRegistered = DomainEvent<
  'OrganisationRegistered',
  OrganisationRegisteredData
>;
export type OrganisationEvent = OrganisationRegistered;

export const organisationEventTypes = ['OrganisationRegistered'] as const;
