import { bodies, type Body } from '@ledger/domain';
import {
  Id,
  IdList,
  ListOf,
  NestedList,
  OccurredAt,
  OneOf,
  Text,
  WholeNumber,
} from '../dto-fields';

export class OpenEvaluationRoundDto {
  @Id({ optional: true, description: 'Given, or derived from the Idempotency-Key.' })
  roundId?: string;

  @Text(200)
  name: string;

  @Text(200, { description: 'Who evaluates, e.g. Pluss Leadership.' })
  evaluator: string;

  @IdList(20, {
    optional: true,
    minItems: 1,
    description: 'Defaults to the eight PLUSS parameters.',
  })
  parameters?: string[];

  @ListOf(bodies, {
    optional: true,
    minItems: 1,
    description: 'Defaults to the board and the Advisory Board.',
  })
  bodies?: Body[];

  @OccurredAt()
  occurredAt?: string;
}

/** One PLUSS score: present state and wished priority, 1 (not at all) to 5 (very high). */
export class EvaluationScoreDto {
  @OneOf(bodies)
  body: Body;

  @Id({ description: 'A parameter of the round, e.g. common-understanding.' })
  parameter: string;

  @WholeNumber(5, { rule: 'score-from-1-to-5' })
  presentState: number;

  @WholeNumber(5, { rule: 'score-from-1-to-5' })
  wishedPriority: number;
}

export class ScoreEvaluationParametersDto {
  @NestedList(() => EvaluationScoreDto, 100)
  scores: EvaluationScoreDto[];

  @OccurredAt()
  occurredAt?: string;
}

export class ConcludeEvaluationRoundDto {
  @Text(4000, { nullable: true })
  summary?: string | null;

  @OccurredAt()
  occurredAt?: string;
}
