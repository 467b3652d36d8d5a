import { housingTypes, type HousingType } from '@ledger/domain';
import { Bool, Id, OccurredAt, OneOf, Quarter, Text, WholeNumber } from '../dto-fields';

/** Counts only: nothing in a report may point at an individual young person. */
export class ReportHomesDto {
  @Id({ optional: true, description: 'Given, or derived from the Idempotency-Key.' })
  reportId?: string;

  @WholeNumber(100_000, { description: 'New homes, a whole number above 0.' })
  count: number;

  @Quarter({ description: 'The quarter the homes belong to, YYYY-Qn.' })
  period: string;

  @Text(100)
  municipality: string;

  @Id()
  initiativeId: string;

  @Id()
  partnerId: string;

  @Text(500, { description: 'Where the number comes from.' })
  source: string;

  @OneOf(housingTypes)
  housingType: HousingType;

  @Bool({ description: 'A permanent home, or a stay (a 3-6 month host-family stay is not).' })
  permanent: boolean;

  @OccurredAt()
  occurredAt?: string;
}

export class CorrectHousingCountDto {
  @WholeNumber(100_000, { description: 'The right count; to go to 0, retract the report.' })
  count: number;

  @Text(1000)
  reason: string;

  @OccurredAt()
  occurredAt?: string;
}
