import {
  assertNever,
  initiativeAggregate,
  streamIdForInitiative,
  type InitiativeCommand,
  type InitiativeEvent,
  type InitiativeState,
  type JoinInitiative,
  type LaunchInitiative,
  type LeaveInitiative,
  type MoveInitiativeToPhase,
  type ReviseInitiativeTarget,
} from '@ledger/domain';
import { AggregateStreams, recordingHandler, RecordCommand, referenceTo } from '../../recording';
import { referencesIn } from '../../recording';

export class LaunchInitiativeCommand extends RecordCommand<LaunchInitiative> {}
export class MoveInitiativeToPhaseCommand extends RecordCommand<MoveInitiativeToPhase> {}
export class ReviseInitiativeTargetCommand extends RecordCommand<ReviseInitiativeTarget> {}
export class JoinInitiativeCommand extends RecordCommand<JoinInitiative> {}
export class LeaveInitiativeCommand extends RecordCommand<LeaveInitiative> {}

const initiative: AggregateStreams<InitiativeState, InitiativeCommand, InitiativeEvent> = {
  decider: initiativeAggregate,
  streamIdOf: (command) => streamIdForInitiative(command.initiativeId),
  idOf: (command) => command.initiativeId,
  references: (command) => {
    switch (command.type) {
      case 'LaunchInitiative':
        return [
          ...referencesIn('leadPartnerIds', 'partner', command.leadPartnerIds),
          ...referencesIn('participatingPartnerIds', 'partner', command.participatingPartnerIds),
        ];
      case 'JoinInitiative':
        return referenceTo('partnerId', 'partner', command.partnerId);
      case 'LeaveInitiative': // names a partner the initiative's own stream knows (or refuses)
      case 'MoveInitiativeToPhase':
      case 'ReviseInitiativeTarget':
        return [];
      default:
        return assertNever(command);
    }
  },
};

export const initiativeHandlers = [
  LaunchInitiativeCommand,
  MoveInitiativeToPhaseCommand,
  ReviseInitiativeTargetCommand,
  JoinInitiativeCommand,
  LeaveInitiativeCommand,
].map((command) =>
  recordingHandler<InitiativeState, InitiativeCommand, InitiativeEvent>(command, initiative),
);
