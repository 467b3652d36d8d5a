import { BadRequestException } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { fieldProblemsFrom, type FieldProblem } from '@ledger/application';

export type { FieldProblem } from '@ledger/application';

/** The one shape of every 400: each bad field named, so a form can mark them all at once. */
export function validationFailed(fields: FieldProblem[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: 'Validation failed',
    fields,
  });
}

/** The ValidationPipe's exceptionFactory. */
export function validationExceptionFactory(errors: ValidationError[]): BadRequestException {
  return validationFailed(fieldProblemsFrom(errors));
}
