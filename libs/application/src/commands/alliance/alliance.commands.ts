import {
  allianceAggregate,
  DomainRuleViolation,
  streamIdForAlliance,
  type AllianceCommand,
  type AllianceEvent,
  type AllianceState,
  type FoundAlliance,
  type ReviseAllianceGoal,
} from '@ledger/domain';
import { AggregateStreams, recordingHandler, RecordCommand } from '../../recording';

export class FoundAllianceCommand extends RecordCommand<FoundAlliance> {}
export class ReviseAllianceGoalCommand extends RecordCommand<ReviseAllianceGoal> {}

const alliance: AggregateStreams<AllianceState, AllianceCommand, AllianceEvent> = {
  decider: allianceAggregate,
  streamIdOf: (command) => streamIdForAlliance(command.allianceId),
  idOf: (command) => command.allianceId,
  beforeAppending: async (command, ledger) => {
    if (command.type !== 'FoundAlliance') return;
    const others = (await ledger.foundedAlliances()).filter((id) => id !== command.allianceId);
    if (others.length > 0) {
      // Every page shows one alliance's goal; a second founding would take them over.
      throw new DomainRuleViolation(
        'one-alliance-per-ledger',
        `this ledger already holds the alliance ${others[0]}; a second alliance cannot be founded in it`,
      );
    }
  },
};

export const allianceHandlers = [
  recordingHandler(FoundAllianceCommand, alliance),
  recordingHandler(ReviseAllianceGoalCommand, alliance),
];
