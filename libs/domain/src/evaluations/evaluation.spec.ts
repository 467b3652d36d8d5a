import { scenario } from '../testing/given-when-then';
import { evaluationRoundAggregate } from './evaluation.aggregate';
import { streamIdForEvaluationRound } from './evaluation.decide';
import type { EvaluationParameterScored, EvaluationRoundOpened } from './evaluation.events';

const round = scenario(evaluationRoundAggregate);
const at = (day: string) => `${day}T00:00:00.000Z`;

const opened: EvaluationRoundOpened = {
  type: 'EvaluationRoundOpened',
  occurredAt: at('2018-05-01'),
  data: {
    roundId: 'pluss-2018',
    name: 'State of the alliance, autumn 2018',
    evaluator: 'Pluss Leadership',
    parameters: [
      'common-understanding',
      'readiness-to-invest-resources',
      'readiness-to-share-knowledge',
      'whole-alliance-thinking',
      'ambassadorship',
      'strategy-development',
      'developing-new-solutions',
      'testing-new-solutions',
    ],
    bodies: ['board', 'advisory-board'],
  },
};
const boardScoredUnderstanding: EvaluationParameterScored = {
  type: 'EvaluationParameterScored',
  occurredAt: at('2018-12-01'),
  data: {
    roundId: 'pluss-2018',
    body: 'board',
    parameter: 'common-understanding',
    presentState: 5,
    wishedPriority: 2,
  },
};

describe('an evaluation round', () => {
  it('lives in its own stream, evaluation-round-<roundId>', () => {
    expect(streamIdForEvaluationRound('pluss-2018')).toBe('evaluation-round-pluss-2018');
  });

  describe('is opened', () => {
    it('with the eight PLUSS parameters and the board and Advisory Board by default', () => {
      round
        .given([])
        .when({
          type: 'OpenEvaluationRound',
          roundId: 'pluss-2018',
          name: 'State of the alliance, autumn 2018',
          evaluator: 'Pluss Leadership',
          occurredAt: '2018-05-01',
        })
        .then([opened]);
    });

    it('with its own parameters (the first model had six)', () => {
      round
        .given([])
        .when({
          type: 'OpenEvaluationRound',
          roundId: 'r',
          name: 'n',
          evaluator: 'e',
          parameters: ['common-understanding', 'readiness-to-share-or-invest'],
          bodies: ['board'],
          occurredAt: '2018-05-01',
        })
        .then([
          {
            type: 'EvaluationRoundOpened',
            occurredAt: at('2018-05-01'),
            data: {
              roundId: 'r',
              name: 'n',
              evaluator: 'e',
              parameters: ['common-understanding', 'readiness-to-share-or-invest'],
              bodies: ['board'],
            },
          },
        ]);
    });

    it('with bodies of the alliance', () => {
      round
        .given([])
        .when({
          type: 'OpenEvaluationRound',
          roundId: 'r',
          name: 'n',
          evaluator: 'e',
          bodies: ['partners' as never],
        })
        .thenInvalid('bodies[0]', 'known-value');
    });

    it('once (evaluation-round-opened-once)', () => {
      round
        .given([opened])
        .when({ type: 'OpenEvaluationRound', roundId: 'pluss-2018', name: 'n', evaluator: 'e' })
        .thenBreaks('evaluation-round-opened-once');
    });
  });

  describe('takes scores', () => {
    it('for present state and wished priority, per body and parameter', () => {
      const state = round
        .given([opened])
        .when({
          type: 'ScoreEvaluationParameters',
          roundId: 'pluss-2018',
          scores: [
            {
              body: 'board',
              parameter: 'common-understanding',
              presentState: 5,
              wishedPriority: 2,
            },
            {
              body: 'advisory-board',
              parameter: 'readiness-to-invest-resources',
              presentState: 2,
              wishedPriority: 3,
            },
          ],
          occurredAt: '2018-12-01',
        })
        .then([
          boardScoredUnderstanding,
          {
            type: 'EvaluationParameterScored',
            occurredAt: at('2018-12-01'),
            data: {
              roundId: 'pluss-2018',
              body: 'advisory-board',
              parameter: 'readiness-to-invest-resources',
              presentState: 2,
              wishedPriority: 3,
            },
          },
        ]);
      expect(state.scores).toHaveLength(2);
    });

    it.each([0, 6, 2.5])('from 1 to 5 only, not %p (score-from-1-to-5)', (presentState) => {
      round
        .given([opened])
        .when({
          type: 'ScoreEvaluationParameters',
          roundId: 'pluss-2018',
          scores: [{ body: 'board', parameter: 'ambassadorship', presentState, wishedPriority: 3 }],
        })
        .thenInvalid('scores[0].presentState', 'score-from-1-to-5');
    });

    it('for the wished priority from 1 to 5 too', () => {
      round
        .given([opened])
        .when({
          type: 'ScoreEvaluationParameters',
          roundId: 'pluss-2018',
          scores: [
            { body: 'board', parameter: 'ambassadorship', presentState: 3, wishedPriority: 9 },
          ],
        })
        .thenInvalid('scores[0].wishedPriority', 'score-from-1-to-5');
    });

    it('only for a parameter of the round (parameter-in-round)', () => {
      round
        .given([opened])
        .when({
          type: 'ScoreEvaluationParameters',
          roundId: 'pluss-2018',
          scores: [{ body: 'board', parameter: 'happiness', presentState: 3, wishedPriority: 3 }],
        })
        .thenBreaks('parameter-in-round');
    });

    it('only from a body of the round (body-in-round)', () => {
      round
        .given([opened])
        .when({
          type: 'ScoreEvaluationParameters',
          roundId: 'pluss-2018',
          scores: [
            {
              body: 'secretariat',
              parameter: 'ambassadorship',
              presentState: 3,
              wishedPriority: 3,
            },
          ],
        })
        .thenBreaks('body-in-round');
    });

    it('once per body and parameter (score-once-per-body-and-parameter)', () => {
      round
        .given([opened, boardScoredUnderstanding])
        .when({
          type: 'ScoreEvaluationParameters',
          roundId: 'pluss-2018',
          scores: [
            {
              body: 'board',
              parameter: 'common-understanding',
              presentState: 4,
              wishedPriority: 2,
            },
          ],
        })
        .thenBreaks('score-once-per-body-and-parameter');
    });

    it('never after the round is concluded (concluded-round-is-closed)', () => {
      round
        .given([
          opened,
          { type: 'EvaluationRoundConcluded', data: { roundId: 'pluss-2018', summary: null } },
        ])
        .when({
          type: 'ScoreEvaluationParameters',
          roundId: 'pluss-2018',
          scores: [
            { body: 'board', parameter: 'ambassadorship', presentState: 3, wishedPriority: 3 },
          ],
        })
        .thenBreaks('concluded-round-is-closed');
    });

    it('only in a round that was opened', () => {
      round
        .given([])
        .when({ type: 'ScoreEvaluationParameters', roundId: 'pluss-2020', scores: [] })
        .thenNotFound('evaluation round', 'pluss-2020');
    });
  });

  describe('is concluded', () => {
    it('with an optional summary', () => {
      const state = round
        .given([opened, boardScoredUnderstanding])
        .when({
          type: 'ConcludeEvaluationRound',
          roundId: 'pluss-2018',
          summary: 'Strong common understanding; testing new solutions lags',
          occurredAt: '2018-12-20',
        })
        .then([
          {
            type: 'EvaluationRoundConcluded',
            occurredAt: at('2018-12-20'),
            data: {
              roundId: 'pluss-2018',
              summary: 'Strong common understanding; testing new solutions lags',
            },
          },
        ]);
      expect(state.status).toBe('concluded');
    });

    it('once (concluded-round-is-closed)', () => {
      round
        .given([
          opened,
          { type: 'EvaluationRoundConcluded', data: { roundId: 'pluss-2018', summary: null } },
        ])
        .when({ type: 'ConcludeEvaluationRound', roundId: 'pluss-2018' })
        .thenBreaks('concluded-round-is-closed');
    });
  });
});
