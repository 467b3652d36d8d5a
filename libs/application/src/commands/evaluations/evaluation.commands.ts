import {
  evaluationRoundAggregate,
  streamIdForEvaluationRound,
  type ConcludeEvaluationRound,
  type EvaluationRoundCommand,
  type EvaluationRoundEvent,
  type EvaluationRoundState,
  type OpenEvaluationRound,
  type ScoreEvaluationParameters,
} from '@ledger/domain';
import { AggregateStreams, recordingHandler, RecordCommand } from '../../recording';

export class OpenEvaluationRoundCommand extends RecordCommand<OpenEvaluationRound> {}
export class ScoreEvaluationParametersCommand extends RecordCommand<ScoreEvaluationParameters> {}
export class ConcludeEvaluationRoundCommand extends RecordCommand<ConcludeEvaluationRound> {}

const evaluationRound: AggregateStreams<
  EvaluationRoundState,
  EvaluationRoundCommand,
  EvaluationRoundEvent
> = {
  decider: evaluationRoundAggregate,
  streamIdOf: (command) => streamIdForEvaluationRound(command.roundId),
  idOf: (command) => command.roundId,
};

export const evaluationHandlers = [
  OpenEvaluationRoundCommand,
  ScoreEvaluationParametersCommand,
  ConcludeEvaluationRoundCommand,
].map((command) =>
  recordingHandler<EvaluationRoundState, EvaluationRoundCommand, EvaluationRoundEvent>(
    command,
    evaluationRound,
  ),
);
