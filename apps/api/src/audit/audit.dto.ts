import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

/** Query fields are checked for shape here and for meaning (dates, ranges, known names) in AuditService. */
export class AuditEventsQuery {
  @ApiPropertyOptional({
    description: 'one stream (404 when not in the log)',
    example: 'housing-report-r1',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  stream?: string;

  @ApiPropertyOptional({
    description: 'one event type (400 when the ledger has no such type)',
    example: 'HomesReported',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  type?: string;

  @ApiPropertyOptional({
    description: 'the actor id in the envelope',
    example: 'user-secretariat-1',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actor?: string;

  @ApiPropertyOptional({
    description: 'period start (a day, or an ISO instant), inclusive',
    example: '2019-01-01',
  })
  @IsOptional()
  @IsString()
  from?: string;

  @ApiPropertyOptional({
    description: 'period end (a day means up to its end), inclusive',
    example: '2019-12-31',
  })
  @IsOptional()
  @IsString()
  to?: string;

  @ApiPropertyOptional({
    enum: ['recordedAt', 'occurredAt'],
    default: 'recordedAt',
    description:
      'which clock from/to apply to: when the ledger recorded the event (default), or when it happened',
  })
  @IsOptional()
  @IsIn(['recordedAt', 'occurredAt'])
  clock?: string;

  @ApiPropertyOptional({
    description: 'keyset paging: events after this global position',
    default: 0,
  })
  @IsOptional()
  @IsString()
  after?: string;

  @ApiPropertyOptional({ description: 'page number (instead of after)', minimum: 1 })
  @IsOptional()
  @IsString()
  page?: string;

  @ApiPropertyOptional({ description: 'events per page', default: 100, maximum: 1000 })
  @IsOptional()
  @IsString()
  limit?: string;

  @ApiPropertyOptional({
    enum: ['json', 'ndjson'],
    description: 'ndjson: the whole filtered log, one event per line',
  })
  @IsOptional()
  @IsIn(['json', 'ndjson'])
  format?: string;
}

export class AuditAsOfQuery {
  @ApiPropertyOptional({
    description: 'date in the world (day or ISO instant)',
    example: '2019-12-31',
  })
  @IsOptional()
  @IsString()
  asOf?: string;

  @ApiPropertyOptional({
    description: 'date of knowledge (day or ISO instant)',
    example: '2020-01-15',
  })
  @IsOptional()
  @IsString()
  knownOn?: string;
}

export class AuditReportQuery extends AuditAsOfQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class AuditExplainQuery extends AuditAsOfQuery {
  @ApiPropertyOptional({
    enum: [
      'homes',
      'homes-by-initiative',
      'homes-by-partner',
      'homes-by-municipality',
      'homes-by-year',
      'seat',
    ],
  })
  @IsOptional()
  @IsString()
  figure?: string;

  @ApiPropertyOptional({
    description: 'the initiative, partner, municipality or year',
    example: 'kollegiemodellen',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  key?: string;

  @ApiPropertyOptional({ description: 'for figure=seat: the person' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  personId?: string;

  @ApiPropertyOptional({
    description: 'for figure=seat: the day (same as asOf)',
    example: '2018-06-01',
  })
  @IsOptional()
  @IsString()
  on?: string;
}
