import {
  partnershipCommitments,
  strategicEfforts,
  type PartnershipCommitment,
  type StrategicEffort,
} from '@ledger/domain';
import { Id, ListOf, Nested, OccurredAt, Text, WholeNumber } from '../dto-fields';

export class AllianceGoalDto {
  @WholeNumber(1_000_000, { description: 'Homes to create.', example: 2300 })
  homes: number;

  @WholeNumber(2200, { example: 2016 })
  fromYear: number;

  @WholeNumber(2200, { example: 2026 })
  toYear: number;
}

export class FoundAllianceDto {
  @Id({ optional: true, description: 'Given, or derived from the Idempotency-Key.' })
  allianceId?: string;

  @Text(200, { example: 'Hjem til Alle' })
  name: string;

  @Nested(() => AllianceGoalDto)
  goal: AllianceGoalDto;

  @ListOf(partnershipCommitments, {
    optional: true,
    description: 'The commitments asked of every partner; defaults to all five.',
  })
  principles?: PartnershipCommitment[];

  @ListOf(strategicEfforts, { optional: true, description: 'Defaults to all three.' })
  strategicEfforts?: StrategicEffort[];

  @OccurredAt()
  occurredAt?: string;
}

export class ReviseAllianceGoalDto {
  @Nested(() => AllianceGoalDto)
  goal: AllianceGoalDto;

  @Text(1000)
  reason: string;

  @OccurredAt()
  occurredAt?: string;
}
