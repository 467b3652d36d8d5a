import type { OrganisationEvent } from './organisation.events';

export interface OrganisationState {
  registered: boolean;
}

export const initialOrganisationState: OrganisationState = { registered: false };

export function evolveOrganisation(
  state: OrganisationState,
  event: OrganisationEvent,
): OrganisationState {
  return event.type === 'OrganisationRegistered' ? { registered: true } : state;
}
