import { ApiProperty } from '@nestjs/swagger';
import { GoalBody } from '../queries/query-responses';
import type { PublicCount } from '@ledger/application';

/** A count on the public page: exact, or "<5" (and "hidden" for the cell that would reveal one). */
const PUBLIC_COUNT = {
  oneOf: [{ type: 'integer' }, { type: 'string', enum: ['<5', 'hidden'] }],
  example: 140,
};

export class PublicYearBody {
  @ApiProperty({ type: 'integer', example: 2019 })
  year: number;
  @ApiProperty(PUBLIC_COUNT)
  homes: PublicCount;
}

export class PublicInitiativeBody {
  @ApiProperty({ example: 'Kollegiemodellen (Bo Sammen)' })
  initiative: string;
  @ApiProperty(PUBLIC_COUNT)
  homes: PublicCount;
}

export class PublicQuarterBody {
  @ApiProperty({ example: '2019-Q2' })
  quarter: string;
  @ApiProperty(PUBLIC_COUNT)
  homes: PublicCount;
}

export class PublicMunicipalityBody {
  @ApiProperty({ example: 'Odense' })
  municipality: string;
  @ApiProperty(PUBLIC_COUNT)
  homes: PublicCount;
}

export class PublicPartnerBody {
  @ApiProperty({ example: 'Odense Kommune' })
  name: string;
  @ApiProperty({ example: 'municipality' })
  sector: string;
  @ApiProperty({ type: String, nullable: true, example: 'Odense' })
  municipality: string | null;
  @ApiProperty({ type: String, format: 'date', example: '2016-03-01' })
  since: string;
}

/** GET /public/summary, for the OpenAPI document (the service's PublicSummary). */
export class PublicSummaryBody {
  @ApiProperty({ example: '2024-06-30' })
  asOf: string;
  @ApiProperty({ type: () => GoalBody, nullable: true })
  goal: GoalBody | null;
  @ApiProperty({
    ...PUBLIC_COUNT,
    example: 1523,
    description: 'Permanent homes; "<5" only while the total itself is that small.',
  })
  homes: PublicCount;
  @ApiProperty({
    ...PUBLIC_COUNT,
    example: 12,
    description: 'Temporary stays (with a host family, say), counted apart from the homes.',
  })
  temporaryStays: PublicCount;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 777,
    description: 'The goal minus homes and stays; null while either is shown as "<5".',
  })
  remaining: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 2028 })
  forecastYear: number | null;
  @ApiProperty({ type: Boolean, nullable: true, example: false })
  onTrack: boolean | null;
  @ApiProperty({ type: 'integer', example: 5 })
  suppressedBelow: number;
  @ApiProperty({ type: () => [PublicYearBody] })
  byYear: PublicYearBody[];
  @ApiProperty({ type: () => [PublicQuarterBody] })
  byQuarter: PublicQuarterBody[];
  @ApiProperty({ type: () => [PublicInitiativeBody] })
  byInitiative: PublicInitiativeBody[];
  @ApiProperty({ type: () => [PublicMunicipalityBody] })
  byMunicipality: PublicMunicipalityBody[];
  @ApiProperty({ type: () => [PublicPartnerBody] })
  partners: PublicPartnerBody[];
}
