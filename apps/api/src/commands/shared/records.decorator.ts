import { applyDecorators, HttpCode, HttpStatus, Type, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiInternalServerErrorResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  ConflictBody,
  InternalErrorBody,
  NotFoundBody,
  RuleBrokenBody,
  ValidationFailedBody,
} from '../../http-errors/error-bodies';
import { ApiErrors } from '../../openapi/api-errors';
import { CommandMetadataInterceptor } from './command-metadata';

/** The 201 answer, for the OpenAPI document (see CommandRecorded). */
export class CommandRecordedBody {
  @ApiProperty({
    example: 'odense-kommune',
    description: 'The aggregate the command was recorded on.',
  })
  id: string;
  @ApiProperty({ example: 'partner-odense-kommune' })
  streamId: string;
  @ApiProperty({ example: 3, description: "The stream's version after this command." })
  version: number;
  @ApiProperty({ example: ['PartnershipDeclarationSigned'] })
  events: string[];
  @ApiProperty({
    example: false,
    description: 'True when the Idempotency-Key was recorded before; nothing new was written.',
  })
  duplicate: boolean;
  @ApiPropertyOptional({ description: 'Set when the command drafted a declaration.' })
  declarationId?: string;
  @ApiPropertyOptional({ description: 'Set when the command made a commitment.' })
  commitmentId?: string;
  @ApiPropertyOptional({ description: 'Set when the command recorded a general assembly.' })
  assemblyId?: string;
  @ApiPropertyOptional({ description: 'Set when the command recorded a reference count.' })
  countId?: string;
}

/** Every command controller: reads the command's envelope and documents the common headers. */
export function CommandController(): ClassDecorator {
  return applyDecorators(
    UseInterceptors(CommandMetadataInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        "The command's id (1-200 of A-Z a-z 0-9 . _ : -). The same key sent again records " +
        'nothing new and answers as the first time (with Idempotent-Replay: true). Ids the body ' +
        'leaves out are derived from it, so a retry names the same new thing. Without it a UUID ' +
        'is generated and a retry records twice.',
    }),
    ApiHeader({
      name: 'X-Request-Id',
      required: false,
      description: "Kept as the events' correlation id; generated when absent.",
    }),
    ApiBadRequestResponse({ type: ValidationFailedBody, description: 'Each bad field, named.' }),
    ApiConflictResponse({
      type: ConflictBody,
      description:
        'The stream kept moving while the command was decided; nothing was recorded; retry.',
    }),
    ApiInternalServerErrorResponse({ type: InternalErrorBody }),
    // Refused before the command is read: a body over 1 MB, or one that is not JSON.
    ApiErrors([413, 415]),
  );
}

/** One command endpoint: 201 with the recorded version, the body documented with an example. */
export function Records(options: {
  summary: string;
  description?: string;
  body: Type<unknown>;
  example: object;
  /** What the 404 means for this endpoint. */
  notFound?: string;
  rules?: string[];
}): MethodDecorator {
  const decorators = [
    HttpCode(HttpStatus.CREATED),
    ApiOperation({ summary: options.summary, description: options.description }),
    ApiBody({ type: options.body, examples: { example: { value: options.example } } }),
    ApiCreatedResponse({ type: CommandRecordedBody, description: 'Recorded (or replayed).' }),
    ApiUnprocessableEntityResponse({
      type: RuleBrokenBody,
      description: `A rule of the alliance was broken${options.rules?.length ? `: ${options.rules.join(', ')}` : ''}; nothing was recorded.`,
    }),
    ApiNotFoundResponse({
      type: NotFoundBody,
      description: options.notFound ?? 'An id the command names is not known.',
    }),
  ];
  return applyDecorators(...decorators);
}
