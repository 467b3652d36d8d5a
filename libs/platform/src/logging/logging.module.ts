import { randomUUID } from 'node:crypto';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DestinationStream } from 'pino';
import { LedgerConfig } from '../config/ledger-config';

const REQUEST_ID_HEADER = 'x-request-id';

/** The request as pino serialises it, less the headers that carry credentials. */
function withoutCredentials(request: { headers?: Record<string, unknown> }): object {
  if (!request.headers) return request;
  const { authorization, cookie, ...headers } = request.headers;
  return {
    ...request,
    headers: {
      ...headers,
      ...(authorization === undefined ? {} : { authorization: '[Redacted]' }),
      ...(cookie === undefined ? {} : { cookie: '[Redacted]' }),
    },
  };
}

/**
 * Structured JSON logs (one object a line) with a request id on every line of a request.
 * A caller's X-Request-Id is kept so a request can be followed across systems.
 */
@Module({})
export class LoggingModule {
  /** `destination`: where the lines go instead of standard output (tests read them). */
  static forRoot(config: LedgerConfig, destination?: DestinationStream): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.log.level,
            genReqId: (req: IncomingMessage, res: ServerResponse) => {
              const given = req.headers[REQUEST_ID_HEADER];
              const id =
                typeof given === 'string' && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
              res.setHeader(REQUEST_ID_HEADER, id);
              return id;
            },
            // The request id on every line of a request (as `requestId`), and the request itself
            // (method, url, headers less the secrets) only on the line that ends it. pino-http's
            // default builds a child logger from the whole request on every request, serialising
            // its headers even when nothing is logged: about a tenth of the server's time per
            // request at 200 requests/s (docs/performance.md).
            quietReqLogger: true,
            quietResLogger: true,
            customAttributeKeys: { reqId: 'requestId' },
            customSuccessObject: (req: IncomingMessage, _res: ServerResponse, value: object) => ({
              req,
              ...value,
            }),
            customErrorObject: (
              req: IncomingMessage,
              _res: ServerResponse,
              _error: Error,
              value: object,
            ) => ({ req, ...value }),
            // Tokens never reach the log: the request's line leaves out its credentials. (pino's
            // `redact` did the same, but ran on every request's child logger too.)
            serializers: { req: withoutCredentials },
            transport: config.log.pretty
              ? {
                  target: 'pino-pretty',
                  options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' },
                }
              : undefined,
            ...(destination ? { stream: destination } : {}),
          },
        }),
      ],
    };
  }
}
