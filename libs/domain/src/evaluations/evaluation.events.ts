import type { DomainEvent } from '../shared/events';
import type { Body } from '../shared/vocabulary';

export interface EvaluationRoundOpenedData {
  roundId: string;
  name: string;
  /** Who runs the round, e.g. Pluss Leadership. */
  evaluator: string;
  /** The parameters this round scores: the model went from six to eight during the first round. */
  parameters: string[];
  bodies: Body[];
}
export interface EvaluationParameterScoredData {
  roundId: string;
  body: Body;
  parameter: string;
  /** 1 = not at all ... 5 = to a very high degree. */
  presentState: number;
  /** The wished priority for the secretariat, on the same scale. */
  wishedPriority: number;
}
export interface EvaluationRoundConcludedData {
  roundId: string;
  summary: string | null;
}

export type EvaluationRoundOpened = DomainEvent<'EvaluationRoundOpened', EvaluationRoundOpenedData>;
export type EvaluationParameterScored = DomainEvent<
  'EvaluationParameterScored',
  EvaluationParameterScoredData
>;
export type EvaluationRoundConcluded = DomainEvent<
  'EvaluationRoundConcluded',
  EvaluationRoundConcludedData
>;
export type EvaluationRoundEvent =
  EvaluationRoundOpened | EvaluationParameterScored | EvaluationRoundConcluded;

export const evaluationRoundEventTypes = [
  'EvaluationRoundOpened',
  'EvaluationParameterScored',
  'EvaluationRoundConcluded',
] as const;
