import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorBody, ValidationFailedBody } from '../http-errors/error-bodies';

/** The client errors an operation may answer besides its own rules (422, 409: records.decorator). */
export type ClientError = 400 | 401 | 403 | 404 | 413 | 415 | 429;

const ANSWERS: Record<ClientError, { description: string; type: new () => unknown }> = {
  400: { type: ValidationFailedBody, description: 'A bad field or query parameter, named.' },
  401: { type: ErrorBody, description: 'No valid bearer token (log in at POST /auth/login).' },
  403: { type: ErrorBody, description: 'Your role may not call this endpoint.' },
  404: { type: ErrorBody, description: 'The id in the path is not known.' },
  413: { type: ErrorBody, description: 'The body is over the limit (1 MB).' },
  415: { type: ErrorBody, description: 'A body that is not application/json.' },
  429: { type: ErrorBody, description: 'Over the rate limit for this address; try again later.' },
};

/**
 * Documents client errors in the OpenAPI document, with the shared error bodies. Applied by kind
 * of route rather than copied onto each method: `@Roles` adds 401/403/429, `CommandController`
 * 413/415, and the few routes with a path id or query parameters add 404/400 themselves.
 */
export function ApiErrors(
  statuses: ClientError[],
  descriptions: Partial<Record<ClientError, string>> = {},
): ClassDecorator & MethodDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        type: ANSWERS[status].type,
        description: descriptions[status] ?? ANSWERS[status].description,
      }),
    ),
  ) as ClassDecorator & MethodDecorator;
}
