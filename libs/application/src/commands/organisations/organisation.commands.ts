import {
  organisationAggregate,
  streamIdForOrganisation,
  type OrganisationCommand,
  type OrganisationEvent,
  type OrganisationState,
  type RegisterOrganisation,
} from '@ledger/domain';
import { AggregateStreams, recordingHandler, RecordCommand } from '../../recording';

export class RegisterOrganisationCommand extends RecordCommand<RegisterOrganisation> {}

const organisation: AggregateStreams<OrganisationState, OrganisationCommand, OrganisationEvent> = {
  decider: organisationAggregate,
  streamIdOf: (command) => streamIdForOrganisation(command.organisationId),
  idOf: (command) => command.organisationId,
};

export const organisationHandlers = [recordingHandler(RegisterOrganisationCommand, organisation)];
