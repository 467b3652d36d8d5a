import { resolveOccurredAt } from '../shared/dates';
import { DomainRuleViolation, InvalidCommand, NotFoundInDomain } from '../shared/errors';
import {
  optionalText,
  requireDistinctIds,
  requireDistinctOf,
  requireId,
  requireOneOf,
  requireText,
} from '../shared/values';
import { bodies as allBodies, plussParameters } from '../shared/vocabulary';
import type {
  ConcludeEvaluationRound,
  EvaluationRoundCommand,
  OpenEvaluationRound,
  ScoreEvaluationParameters,
} from './evaluation.commands';
import type {
  EvaluationParameterScored,
  EvaluationRoundConcluded,
  EvaluationRoundEvent,
  EvaluationRoundOpened,
} from './evaluation.events';
import type { EvaluationRoundState } from './evaluation.state';
import { assertNever } from '../shared/exhaustive';

/**
 * One stream per round: "each body scores each parameter once" holds within a round, and
 * rounds (every one or two years) share nothing that must be checked together.
 */
export function streamIdForEvaluationRound(roundId: string): string {
  return `evaluation-round-${roundId}`;
}

export function decideOpenEvaluationRound(
  state: EvaluationRoundState,
  command: OpenEvaluationRound,
  now?: string,
): EvaluationRoundOpened[] {
  const roundId = requireId('roundId', command.roundId);
  const parameters =
    command.parameters === undefined
      ? [...plussParameters]
      : requireDistinctIds('parameters', command.parameters);
  const bodies =
    command.bodies === undefined
      ? (['board', 'advisory-board'] as const).slice()
      : requireDistinctOf('bodies', command.bodies, allBodies);
  if (parameters.length === 0) throw new InvalidCommand('parameters', 'required');
  if (bodies.length === 0) throw new InvalidCommand('bodies', 'required');
  const data = {
    roundId,
    name: requireText('name', command.name),
    evaluator: requireText('evaluator', command.evaluator),
    parameters,
    bodies,
  };
  if (state.status !== 'unknown') {
    throw new DomainRuleViolation(
      'evaluation-round-opened-once',
      `evaluation round ${roundId} is already opened`,
    );
  }
  const { occurredAt } = resolveOccurredAt(command.occurredAt, now);
  return [{ type: 'EvaluationRoundOpened', occurredAt, data }];
}

export function decideScoreEvaluationParameters(
  state: EvaluationRoundState,
  command: ScoreEvaluationParameters,
  now?: string,
): EvaluationParameterScored[] {
  const roundId = requireOpenRound(state, command.roundId);
  if (!Array.isArray(command.scores) || command.scores.length === 0) {
    throw new InvalidCommand('scores', 'required');
  }
  const { occurredAt } = resolveOccurredAt(command.occurredAt, now);
  const scores = command.scores.map((score, index) => {
    const field = `scores[${index}]`;
    const body = requireOneOf(`${field}.body`, score.body, allBodies);
    const parameter = requireId(`${field}.parameter`, score.parameter);
    const presentState = requireScore(`${field}.presentState`, score.presentState);
    const wishedPriority = requireScore(`${field}.wishedPriority`, score.wishedPriority);
    if (!state.bodies.includes(body)) {
      throw new DomainRuleViolation(
        'body-in-round',
        `round ${roundId} does not evaluate the ${body}`,
      );
    }
    if (!state.parameters.includes(parameter)) {
      throw new DomainRuleViolation(
        'parameter-in-round',
        `round ${roundId} does not evaluate ${parameter}`,
      );
    }
    return { roundId, body, parameter, presentState, wishedPriority };
  });
  const keys = [
    ...state.scores.map((s) => `${s.body}/${s.parameter}`),
    ...scores.map((s) => `${s.body}/${s.parameter}`),
  ];
  if (new Set(keys).size !== keys.length) {
    throw new DomainRuleViolation(
      'score-once-per-body-and-parameter',
      'a body scores each parameter once per round',
    );
  }
  return scores.map((data) => ({ type: 'EvaluationParameterScored', occurredAt, data }));
}

export function decideConcludeEvaluationRound(
  state: EvaluationRoundState,
  command: ConcludeEvaluationRound,
  now?: string,
): EvaluationRoundConcluded[] {
  const roundId = requireOpenRound(state, command.roundId);
  const { occurredAt } = resolveOccurredAt(command.occurredAt, now);
  return [
    {
      type: 'EvaluationRoundConcluded',
      occurredAt,
      data: { roundId, summary: optionalText('summary', command.summary) },
    },
  ];
}

export function decideEvaluationRound(
  state: EvaluationRoundState,
  command: EvaluationRoundCommand,
  now?: string,
): EvaluationRoundEvent[] {
  switch (command.type) {
    case 'OpenEvaluationRound':
      return decideOpenEvaluationRound(state, command, now);
    case 'ScoreEvaluationParameters':
      return decideScoreEvaluationParameters(state, command, now);
    case 'ConcludeEvaluationRound':
      return decideConcludeEvaluationRound(state, command, now);
    default:
      return assertNever(command);
  }
}

function requireOpenRound(state: EvaluationRoundState, roundIdValue: string): string {
  const roundId = requireId('roundId', roundIdValue);
  if (state.status === 'unknown') throw new NotFoundInDomain('evaluation round', roundId);
  if (state.status === 'concluded') {
    throw new DomainRuleViolation('concluded-round-is-closed', `round ${roundId} is concluded`);
  }
  return roundId;
}

function requireScore(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5) {
    throw new InvalidCommand(
      field,
      'score-from-1-to-5',
      `${field} must be a whole number from 1 to 5`,
    );
  }
  return value;
}
