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
  @ApiProperty({ example: 4, description: "The version read, or 'no_stream'." })
  expectedVersion: number | string;
  @ApiProperty({ example: 5, nullable: true })
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
