import {
  governanceAggregate,
  streamIdForAlliance,
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
import { AggregateStreams, recordingHandler, RecordCommand } from '../shared';

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
  requires: (command) => [
    { what: 'alliance', id: command.allianceId, streamId: streamIdForAlliance(command.allianceId) },
  ],
  createdIds: (command) =>
    command.type === 'HoldGeneralAssembly' ? { assemblyId: command.assemblyId } : {},
};

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
