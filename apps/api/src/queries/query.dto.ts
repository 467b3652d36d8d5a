import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';
import { bodies, sectors } from '@ledger/domain';
import { YEAR_RANGE } from '@ledger/application';
import { MOMENT_RULE, readMoment } from '@ledger/application';

/**
 * A date parameter: a day or an ISO instant that the calendar has, in the one range of years
 * (readMoment), so an impossible day or year 0 is a 400 here, never a failed SQL cast.
 */
function Moment(dayOnly = false): PropertyDecorator {
  const message = dayOnly
    ? `must be a real date as YYYY-MM-DD, in the years ${YEAR_RANGE}`
    : MOMENT_RULE;
  return ValidateBy(
    {
      name: dayOnly ? 'isDay' : 'isMoment',
      validator: {
        validate: (value) =>
          typeof value === 'string' &&
          (!dayOnly || value.length === 10) &&
          readMoment(value) !== undefined,
      },
    },
    { message, context: { rule: 'iso-date' } },
  );
}

/** More pages than any timeline has; beyond it the offset would outgrow what SQL can count. */
const LAST_PAGE = 1_000_000;

export class AsOfQuery {
  @ApiPropertyOptional({
    description: 'Date in the world (YYYY-MM-DD): what was true then. Default today.',
    example: '2019-12-31',
  })
  @IsOptional()
  @Moment()
  asOf?: string;

  @ApiPropertyOptional({
    description: 'Date of knowledge (YYYY-MM-DD): what the records said then. Default today.',
    example: '2020-01-01',
  })
  @IsOptional()
  @Moment()
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
  @Moment(true)
  from?: string;

  @ApiPropertyOptional({ example: '2019-12-31' })
  @IsOptional()
  @Moment(true)
  to?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(LAST_PAGE)
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
