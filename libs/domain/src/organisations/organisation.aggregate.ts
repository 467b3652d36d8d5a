import type { Decider } from '../shared/events';
import type { OrganisationCommand } from './organisation.commands';
import { decideOrganisation } from './organisation.decide';
import type { OrganisationEvent } from './organisation.events';
import {
  evolveOrganisation,
  initialOrganisationState,
  type OrganisationState,
} from './organisation.state';

export const organisationAggregate: Decider<
  OrganisationState,
  OrganisationCommand,
  OrganisationEvent
> = {
  initialState: initialOrganisationState,
  evolve: evolveOrganisation,
  decide: decideOrganisation,
};
