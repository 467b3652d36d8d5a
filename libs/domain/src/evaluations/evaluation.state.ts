import type { Body } from '../shared/vocabulary';
import type { EvaluationRoundEvent } from './evaluation.events';
import { assertNever } from '../shared/exhaustive';

export interface ParameterScore {
  body: Body;
  parameter: string;
  presentState: number;
  wishedPriority: number;
}

export interface EvaluationRoundState {
  status: 'unknown' | 'open' | 'concluded';
  roundId: string | null;
  name: string | null;
  parameters: string[];
  bodies: Body[];
  scores: ParameterScore[];
}

export const initialEvaluationRoundState: EvaluationRoundState = {
  status: 'unknown',
  roundId: null,
  name: null,
  parameters: [],
  bodies: [],
  scores: [],
};

export function evolveEvaluationRound(
  state: EvaluationRoundState,
  event: EvaluationRoundEvent,
): EvaluationRoundState {
  switch (event.type) {
    case 'EvaluationRoundOpened':
      return {
        ...state,
        status: 'open',
        roundId: event.data.roundId,
        name: event.data.name,
        parameters: event.data.parameters,
        bodies: event.data.bodies,
      };
    case 'EvaluationParameterScored': {
      const { body, parameter, presentState, wishedPriority } = event.data;
      return {
        ...state,
        scores: [...state.scores, { body, parameter, presentState, wishedPriority }],
      };
    }
    case 'EvaluationRoundConcluded':
      return { ...state, status: 'concluded' };
    default:
      return assertNever(event);
  }
}
