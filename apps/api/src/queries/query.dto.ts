import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { bodies, sectors } from '@ledger/domain';

import { MOMENT_PATTERN } from './as-of';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_RULE = { message: '$property must be a date as YYYY-MM-DD' };
const MOMENT_RULE = { message: '$property must be a date (YYYY-MM-DD) or an ISO date-time' };

export class AsOfQuery {
  @ApiPropertyOptional({
    description: 'Date in the world (YYYY-MM-DD): what was true then. Default today.',
    example: '2019-12-31',
  })
  @IsOptional()
  @Matches(MOMENT_PATTERN, MOMENT_RULE)
  asOf?: string;

  @ApiPropertyOptional({
    description: 'Date of knowledge (YYYY-MM-DD): what the records said then. Default today.',
    example: '2020-01-01',
  })
  @IsOptional()
  @Matches(MOMENT_PATTERN, MOMENT_RULE)
  knownOn?: string;
}

export class CompositionQuery extends AsOfQuery {
  @ApiPropertyOptional({ enum: bodies })
  @IsOptional()
  @IsIn(bodies)
  body?: string;
}

export class TimelineQuery {
  @ApiPropertyOptional({ enum: [...bodies, 'general-assembly', 'partners'] })
  @IsOptional()
  @IsIn([...bodies, 'general-assembly', 'partners'])
  body?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  personId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organisationId?: string;

  @ApiPropertyOptional({ example: '2017-01-01' })
  @IsOptional()
  @Matches(DAY, DAY_RULE)
  from?: string;

  @ApiPropertyOptional({ example: '2019-12-31' })
  @IsOptional()
  @Matches(DAY, DAY_RULE)
  to?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page = 1;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize = 50;
}

export class PartnersQuery {
  @ApiPropertyOptional({ enum: sectors })
  @IsOptional()
  @IsIn(sectors)
  sector?: string;

  @ApiPropertyOptional({ enum: ['member', 'left'] })
  @IsOptional()
  @IsIn(['member', 'left'])
  status?: string;
}
