import {
  grantAggregate,
  streamIdForGrant,
  type AwardGrant,
  type EndGrant,
  type ExtendGrant,
  type GrantCommand,
  type GrantEvent,
  type GrantState,
} from '@ledger/domain';
import { AggregateStreams, recordingHandler, RecordCommand, referenceTo } from '../../recording';

export class AwardGrantCommand extends RecordCommand<AwardGrant> {}
export class ExtendGrantCommand extends RecordCommand<ExtendGrant> {}
export class EndGrantCommand extends RecordCommand<EndGrant> {}

const grant: AggregateStreams<GrantState, GrantCommand, GrantEvent> = {
  decider: grantAggregate,
  streamIdOf: (command) => streamIdForGrant(command.grantId),
  idOf: (command) => command.grantId,
  references: (command) =>
    command.type === 'AwardGrant'
      ? [
          ...referenceTo('funderOrganisationId', 'organisation', command.funderOrganisationId),
          ...referenceTo('initiativeId', 'initiative', command.initiativeId),
        ]
      : [],
};

export const grantHandlers = [AwardGrantCommand, ExtendGrantCommand, EndGrantCommand].map(
  (command) => recordingHandler<GrantState, GrantCommand, GrantEvent>(command, grant),
);
