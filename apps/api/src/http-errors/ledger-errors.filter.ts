import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainRuleViolation, InvalidCommand, NotFoundInDomain } from '@ledger/domain';
import { ConcurrencyError, InvalidAppendError } from '@ledger/event-store';
import { IdempotencyKeyReused, InvalidInput, UnknownReference } from '@ledger/application';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from './database-unavailable';

/**
 * Turns every error into the answer a client can act on: 400 names the fields, 404 the unknown
 * id, 409 says the record moved and a retry may succeed, 422 names the broken rule. Anything else
 * is our fault: 500 with a generic message, and the details go to the log, never to the client
 * (no stack traces, no SQL) — except the database being unreachable (it died, restarts, fails
 * over), which is nobody's fault in the request and passes by itself: 503 with Retry-After.
 */
@Catch()
export class LedgerErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrors');
  /** While the database is away every request fails: one log line per interval, with a count. */
  private unavailableLoggedAt = 0;
  private unavailableUnlogged = 0;

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request & { id?: unknown }>();
    const [status, body] = this.answerFor(error, request);
    // Every 503 (the database away, /health down, a guard that could not read the user) says
    // when to try again, so clients and load balancers back off instead of hammering.
    if (status === HttpStatus.SERVICE_UNAVAILABLE && !response.getHeader('Retry-After')) {
      response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    }
    response.status(status).json(body);
  }

  private answerFor(error: unknown, request: Request & { id?: unknown }): [number, object] {
    if (error instanceof HttpException) {
      const body = error.getResponse();
      return [
        error.getStatus(),
        typeof body === 'string' ? { statusCode: error.getStatus(), message: body } : body,
      ];
    }
    const client = clientErrorOfBodyParser(error);
    if (client) return client;
    // A use case's own check of its input (a date in a query, an audit's range).
    if (error instanceof InvalidInput) return badRequest(error.fields);
    if (error instanceof InvalidCommand) {
      return badRequest([{ field: error.field, rule: error.rule, message: error.message }]);
    }
    if (error instanceof InvalidAppendError) {
      return badRequest([
        { field: error.field, rule: 'invalid-append', message: `${error.field} ${error.rule}` },
      ]);
    }
    if (error instanceof NotFoundInDomain) {
      return [
        HttpStatus.NOT_FOUND,
        {
          statusCode: HttpStatus.NOT_FOUND,
          error: 'Not Found',
          message: error.message,
          ...(error instanceof UnknownReference ? { field: error.field } : {}),
          what: error.what,
          id: error.id,
        },
      ];
    }
    if (error instanceof DomainRuleViolation || error instanceof IdempotencyKeyReused) {
      return [
        HttpStatus.UNPROCESSABLE_ENTITY,
        {
          statusCode: HttpStatus.UNPROCESSABLE_ENTITY,
          error: 'Unprocessable Entity',
          rule: error.rule,
          message: error.message,
        },
      ];
    }
    if (error instanceof ConcurrencyError) {
      return [
        HttpStatus.CONFLICT,
        {
          statusCode: HttpStatus.CONFLICT,
          error: 'Conflict',
          message:
            `${error.streamId} changed while this command was being decided, and kept changing ` +
            'on retry; nothing was recorded. Send the command again.',
          streamId: error.streamId,
          expectedVersion: error.expected,
          actualVersion: error.actual,
          retryable: true,
        },
      ];
    }
    const requestId = typeof request.id === 'string' ? request.id : undefined;
    if (isDatabaseUnavailable(error)) {
      this.logUnavailable(error);
      return [
        HttpStatus.SERVICE_UNAVAILABLE,
        {
          statusCode: HttpStatus.SERVICE_UNAVAILABLE,
          error: 'Service Unavailable',
          message:
            'The database cannot be reached just now. Send the request again in a few seconds ' +
            '(a command with the same Idempotency-Key is recorded at most once).',
          retryable: true,
          requestId,
        },
      ];
    }
    this.logger.error(
      { err: error, requestId },
      `unexpected error on ${request.method} ${request.path}`,
    );
    return [
      HttpStatus.INTERNAL_SERVER_ERROR,
      {
        statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
        error: 'Internal Server Error',
        message: 'Something went wrong on our side. It has been logged.',
        requestId,
      },
    ];
  }

  private logUnavailable(error: unknown): void {
    const now = Date.now();
    this.unavailableUnlogged++;
    if (now - this.unavailableLoggedAt < 10_000) return;
    this.logger.warn(
      `the database cannot be reached; answering 503 (${this.unavailableUnlogged} request(s) since the last such line): ${
        error instanceof Error ? error.message : String(error)
      }`,
    );
    this.unavailableLoggedAt = now;
    this.unavailableUnlogged = 0;
  }
}

/**
 * The body parser's refusals before any route runs: 413 (body over the limit), 415 (a charset or
 * encoding it cannot read), 400 (a body cut short). They are `http-errors` marked `expose`:
 * their message is safe for the client; anything else stays a 500.
 */
function clientErrorOfBodyParser(error: unknown): [number, object] | undefined {
  const candidate = error as { expose?: unknown; status?: unknown; message?: unknown };
  if (
    !(error instanceof Error) ||
    candidate.expose !== true ||
    typeof candidate.status !== 'number' ||
    candidate.status < 400 ||
    candidate.status > 499
  ) {
    return undefined;
  }
  const status = candidate.status;
  const names: Record<number, string> = {
    400: 'Bad Request',
    413: 'Payload Too Large',
    415: 'Unsupported Media Type',
  };
  return [
    status,
    { statusCode: status, error: names[status] ?? 'Bad Request', message: error.message },
  ];
}

function badRequest(
  fields: Array<{ field: string; rule: string; message: string }>,
): [number, object] {
  return [
    HttpStatus.BAD_REQUEST,
    {
      statusCode: HttpStatus.BAD_REQUEST,
      error: 'Bad Request',
      message: 'Validation failed',
      fields,
    },
  ];
}
