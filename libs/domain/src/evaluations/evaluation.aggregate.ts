import type { Decider } from '../shared/events';
import type { EvaluationRoundCommand } from './evaluation.commands';
import { decideEvaluationRound } from './evaluation.decide';
import type { EvaluationRoundEvent } from './evaluation.events';
import {
  evolveEvaluationRound,
  initialEvaluationRoundState,
  type EvaluationRoundState,
} from './evaluation.state';

export const evaluationRoundAggregate: Decider<
  EvaluationRoundState,
  EvaluationRoundCommand,
  EvaluationRoundEvent
> = {
  initialState: initialEvaluationRoundState,
  evolve: evolveEvaluationRound,
  decide: decideEvaluationRound,
};
