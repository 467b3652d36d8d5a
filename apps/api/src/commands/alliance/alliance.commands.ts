import {
  allianceAggregate,
  streamIdForAlliance,
  type AllianceCommand,
  type AllianceEvent,
  type AllianceState,
  type FoundAlliance,
  type ReviseAllianceGoal,
} from '@ledger/domain';
import { AggregateStreams, recordingHandler, RecordCommand } from '../shared';

export class FoundAllianceCommand extends RecordCommand<FoundAlliance> {}
export class ReviseAllianceGoalCommand extends RecordCommand<ReviseAllianceGoal> {}

const alliance: AggregateStreams<AllianceState, AllianceCommand, AllianceEvent> = {
  decider: allianceAggregate,
  streamIdOf: (command) => streamIdForAlliance(command.allianceId),
  idOf: (command) => command.allianceId,
};

export const allianceHandlers = [
  recordingHandler(FoundAllianceCommand, alliance),
  recordingHandler(ReviseAllianceGoalCommand, alliance),
];
