import type { Body } from '../shared/vocabulary';

interface EvaluationCommandBase {
  roundId: string;
  /** When it happened in the world (ISO date or date-time); defaults to `now`. */
  occurredAt?: string;
}

export interface OpenEvaluationRound extends EvaluationCommandBase {
  type: 'OpenEvaluationRound';
  name: string;
  evaluator: string;
  /** Defaults to the eight PLUSS parameters. */
  parameters?: string[];
  /** Defaults to the board and the Advisory Board, the bodies interviewed in 2018. */
  bodies?: Body[];
}
/** Records one or more scores at once (a body's scores usually arrive together). */
export interface ScoreEvaluationParameters extends EvaluationCommandBase {
  type: 'ScoreEvaluationParameters';
  scores: Array<{ body: Body; parameter: string; presentState: number; wishedPriority: number }>;
}
export interface ConcludeEvaluationRound extends EvaluationCommandBase {
  type: 'ConcludeEvaluationRound';
  summary?: string | null;
}

export type EvaluationRoundCommand =
  OpenEvaluationRound | ScoreEvaluationParameters | ConcludeEvaluationRound;
