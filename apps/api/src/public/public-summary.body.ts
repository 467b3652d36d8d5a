import { ApiProperty } from '@nestjs/swagger';
import { GoalBody } from '../queries/query-responses';
import type { PublicCount } from './suppression';

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
    type: 'integer',
    example: 1523,
    description: 'Exact: only breakdowns are suppressed.',
  })
  homes: number;
  @ApiProperty({ type: 'integer', nullable: true, example: 777 })
  remaining: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 2028 })
  forecastYear: number | null;
  @ApiProperty({ type: Boolean, nullable: true, example: false })
  onTrack: boolean | null;
  @ApiProperty({ type: 'integer', example: 5 })
  suppressedBelow: number;
  @ApiProperty({ type: () => [PublicYearBody] })
  byYear: PublicYearBody[];
  @ApiProperty({ type: () => [PublicInitiativeBody] })
  byInitiative: PublicInitiativeBody[];
  @ApiProperty({ type: () => [PublicPartnerBody] })
  partners: PublicPartnerBody[];
}
