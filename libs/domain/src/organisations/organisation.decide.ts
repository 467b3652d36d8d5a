import { resolveOccurredAt } from '../shared/dates';
import { DomainRuleViolation } from '../shared/errors';
import { requireId, requireOneOf, requireText } from '../shared/values';
import { sectors } from '../shared/vocabulary';
import type { OrganisationCommand } from './organisation.commands';
import type { OrganisationEvent } from './organisation.events';
import type { OrganisationState } from './organisation.state';

export function streamIdForOrganisation(organisationId: string): string {
  return `organisation-${organisationId}`;
}

export function decideOrganisation(
  state: OrganisationState,
  command: OrganisationCommand,
  now?: string,
): OrganisationEvent[] {
  const organisationId = requireId('organisationId', command.organisationId);
  if (state.registered) {
    throw new DomainRuleViolation(
      'organisation-registered-once',
      `organisation ${organisationId} is already registered`,
    );
  }
  const { occurredAt } = resolveOccurredAt(command.occurredAt, now);
  return [
    {
      type: 'OrganisationRegistered',
      occurredAt,
      data: {
        organisationId,
        name: requireText('name', command.name),
        sector: requireOneOf('sector', command.sector, sectors),
      },
    },
  ];
}
