import { FiniteNumber, Id, OccurredAt, Text, WholeNumber } from '../dto-fields';

/**
 * A national count of homeless young people (VIVE), kept apart from the alliance's own count of
 * homes: it measures something else and is never added to it.
 */
export class RecordReferenceCountDto {
  @Id({ optional: true, description: 'Given, or derived from the Idempotency-Key.' })
  countId?: string;

  @Text(500)
  source: string;

  @OccurredAt({ description: 'The day the count describes.' })
  occurredAt: string;

  @Text(100, { optional: true, description: 'Defaults to Danmark.' })
  area?: string;

  @WholeNumber(120, { optional: true, description: 'Defaults to 18.' })
  ageFrom?: number;

  @WholeNumber(120, { optional: true, description: 'Defaults to 29.' })
  ageTo?: number;

  @WholeNumber(1_000_000, { nullable: true })
  homelessYoungPeople?: number | null;

  @FiniteNumber(-100, 10_000, { nullable: true, description: 'Change in per cent.' })
  changePercent?: number | null;

  @Text(200, { nullable: true, description: 'What the change is measured against.' })
  comparedWith?: string | null;
}
