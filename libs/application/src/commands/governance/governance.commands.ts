import {
  assertNever,
  governanceAggregate,
  streamIdForGovernance,
  type AppointAdvisoryBoardMember,
  type ChangeBoardMemberRole,
  type ElectBoardMember,
  type GovernanceCommand,
  type GovernanceEvent,
  type GovernanceState,
  type HoldGeneralAssembly,
  type LeaveAdvisoryBoard,
  type LeaveSecretariat,
  type StartInSecretariat,
  type StepDownFromBoard,
} from '@ledger/domain';
import { AggregateStreams, recordingHandler, RecordCommand, referenceTo } from '../../recording';
import { referencesIn, type Reference } from '../../recording';

export class HoldGeneralAssemblyCommand extends RecordCommand<HoldGeneralAssembly> {}
export class ElectBoardMemberCommand extends RecordCommand<ElectBoardMember> {}
export class ChangeBoardMemberRoleCommand extends RecordCommand<ChangeBoardMemberRole> {}
export class StepDownFromBoardCommand extends RecordCommand<StepDownFromBoard> {}
export class AppointAdvisoryBoardMemberCommand extends RecordCommand<AppointAdvisoryBoardMember> {}
export class LeaveAdvisoryBoardCommand extends RecordCommand<LeaveAdvisoryBoard> {}
export class StartInSecretariatCommand extends RecordCommand<StartInSecretariat> {}
export class LeaveSecretariatCommand extends RecordCommand<LeaveSecretariat> {}

/**
 * One stream for all bodies of one alliance (see streamIdForGovernance). The governance stream
 * starts with the first assembly, so "is there such an alliance" is asked of the alliance's own
 * stream: a founding is never undone, so that check cannot go stale between read and append.
 */
const governance: AggregateStreams<GovernanceState, GovernanceCommand, GovernanceEvent> = {
  decider: governanceAggregate,
  streamIdOf: (command) => streamIdForGovernance(command.allianceId),
  idOf: (command) => command.allianceId,
  references: (command) => [
    ...referenceTo('allianceId', 'alliance', command.allianceId),
    ...namedInGovernance(command),
  ],
  createdIds: (command) =>
    command.type === 'HoldGeneralAssembly' ? { assemblyId: command.assemblyId } : {},
};

/**
 * Who and what a governance command names besides its alliance. Step-downs, role changes and
 * leaving name a person or organisation the stream itself knows from their seat, so they need
 * no check here: the domain refuses a seat that was never held.
 */
function namedInGovernance(command: GovernanceCommand): Reference[] {
  switch (command.type) {
    case 'HoldGeneralAssembly':
      // Members of the association are partners (the partner circle's members).
      return referencesIn('membersPresent', 'partner', command.membersPresent);
    case 'ElectBoardMember':
      return [
        ...referenceTo('personId', 'person', command.personId),
        ...referenceTo('organisationId', 'organisation', command.organisationId),
      ];
    case 'AppointAdvisoryBoardMember':
      return [
        ...referenceTo('organisationId', 'organisation', command.organisationId),
        ...referenceTo('representativePersonId', 'person', command.representativePersonId),
      ];
    case 'StartInSecretariat':
      return referenceTo('personId', 'person', command.personId);
    case 'ChangeBoardMemberRole':
    case 'StepDownFromBoard':
    case 'LeaveAdvisoryBoard':
    case 'LeaveSecretariat':
      return [];
    default:
      return assertNever(command);
  }
}

export const governanceHandlers = [
  HoldGeneralAssemblyCommand,
  ElectBoardMemberCommand,
  ChangeBoardMemberRoleCommand,
  StepDownFromBoardCommand,
  AppointAdvisoryBoardMemberCommand,
  LeaveAdvisoryBoardCommand,
  StartInSecretariatCommand,
  LeaveSecretariatCommand,
].map((command) =>
  recordingHandler<GovernanceState, GovernanceCommand, GovernanceEvent>(command, governance),
);
