import { randomUUID } from 'node:crypto';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LedgerConfig } from '../config/ledger-config';

const REQUEST_ID_HEADER = 'x-request-id';

/**
 * Structured JSON logs (one object a line) with a request id on every line of a request.
 * A caller's X-Request-Id is kept so a request can be followed across systems.
 */
@Module({})
export class LoggingModule {
  static forRoot(config: LedgerConfig): DynamicModule {
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
            customProps: (req: IncomingMessage) => ({
              requestId: (req as IncomingMessage & { id?: unknown }).id,
            }),
            // Tokens and passwords never reach the log.
            redact: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password'],
            transport: config.log.pretty
              ? {
                  target: 'pino-pretty',
                  options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' },
                }
              : undefined,
          },
        }),
      ],
    };
  }
}
