import type { Sector } from '../shared/vocabulary';

export interface RegisterOrganisation {
  type: 'RegisterOrganisation';
  organisationId: string;
  name: string;
  sector: Sector;
  occurredAt?: string;
}

export type OrganisationCommand = RegisterOrganisation;
