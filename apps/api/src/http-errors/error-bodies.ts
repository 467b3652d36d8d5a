import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The answer shapes, for the OpenAPI document; the filter builds exactly these. */
export class FieldProblemBody {
  @ApiProperty({ example: 'goal.homes' })
  field: string;
  @ApiProperty({ example: 'whole-number-above-zero' })
  rule: string;
  @ApiProperty({ example: 'must be a whole number above 0' })
  message: string;
}

/**
 * Every other client error (401, 403, 413, 415, 429): the status, its name and what to do; the
 * guards, the body parser and the rate limiter answer in this shape.
 */
export class ErrorBody {
  @ApiProperty({ example: 401 })
  statusCode: number;
  @ApiPropertyOptional({ example: 'Unauthorized' })
  error?: string;
  @ApiProperty({ example: 'Unauthorized' })
  message: string;
}

export class ValidationFailedBody {
  @ApiProperty({ example: 400 })
  statusCode: number;
  @ApiProperty({ example: 'Bad Request' })
  error: string;
  @ApiProperty({ example: 'Validation failed' })
  message: string;
  @ApiProperty({ type: [FieldProblemBody] })
  fields: FieldProblemBody[];
}

export class NotFoundBody {
  @ApiProperty({ example: 404 })
  statusCode: number;
  @ApiProperty({ example: 'Not Found' })
  error: string;
  @ApiProperty({ example: 'partner odense-kommune is not known' })
  message: string;
  @ApiProperty({ example: 'partner' })
  what: string;
  @ApiProperty({ example: 'odense-kommune' })
  id: string;
}

export class ConflictBody {
  @ApiProperty({ example: 409 })
  statusCode: number;
  @ApiProperty({ example: 'Conflict' })
  error: string;
  @ApiProperty({
    example:
      'governance-hta changed while this command was being decided, and kept changing on retry; nothing was recorded. Send the command again.',
  })
  message: string;
  @ApiProperty({ example: 'governance-hta' })
  streamId: string;
  // A union, so the schema says so (a bare `number | string` is documented as an object).
  @ApiProperty({
    oneOf: [{ type: 'integer' }, { type: 'string', enum: ['no_stream'] }],
    example: 4,
    description: "The version read, or 'no_stream'.",
  })
  expectedVersion: number | string;
  @ApiProperty({ type: 'integer', example: 5, nullable: true })
  actualVersion: number | null;
  @ApiProperty({ example: true })
  retryable: boolean;
}

export class RuleBrokenBody {
  @ApiProperty({ example: 422 })
  statusCode: number;
  @ApiProperty({ example: 'Unprocessable Entity' })
  error: string;
  @ApiProperty({ example: 'one-chair-at-a-time' })
  rule: string;
  @ApiProperty({ example: 'the board would have two chairs on 2018-05-15' })
  message: string;
}

export class InternalErrorBody {
  @ApiProperty({ example: 500 })
  statusCode: number;
  @ApiProperty({ example: 'Internal Server Error' })
  error: string;
  @ApiProperty({ example: 'Something went wrong on our side. It has been logged.' })
  message: string;
  @ApiPropertyOptional({ example: '5f0c6c1e-3f43-4a53-9a8e-0f5b1f3c2a11' })
  requestId?: string;
}
