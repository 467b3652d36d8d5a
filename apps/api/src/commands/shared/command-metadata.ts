import {
  CallHandler,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable, tap } from 'rxjs';
import type { CommandMetadata } from '@ledger/application';
import { ActorResolver } from '../actor';
import { newIdFor } from '@ledger/application';
import { commandIdFrom, IDEMPOTENCY_KEY_HEADER } from './idempotency-key';

export type { CommandMetadata } from '@ledger/application';

type CommandRequest = Request & { id?: unknown; commandMetadata?: CommandMetadata };

/**
 * Reads the command's envelope from the request before the handler runs, and marks an answer
 * that repeats an earlier one (`Idempotent-Replay: true`) so a client can tell a retry apart.
 */
@Injectable()
export class CommandMetadataInterceptor implements NestInterceptor {
  constructor(private readonly actors: ActorResolver) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<CommandRequest>();
    const commandId = commandIdFrom(request.headers[IDEMPOTENCY_KEY_HEADER]);
    request.commandMetadata = {
      commandId,
      actor: this.actors.actorFor(request),
      correlationId: typeof request.id === 'string' ? request.id : commandId,
      receivedAt: new Date().toISOString(),
      newId: (kind) => newIdFor(commandId, kind),
    };
    return next.handle().pipe(
      tap((answer) => {
        if ((answer as { duplicate?: unknown } | undefined)?.duplicate === true) {
          http.getResponse<Response>().setHeader('Idempotent-Replay', 'true');
        }
      }),
    );
  }
}

/** The command's metadata, as read by CommandMetadataInterceptor. */
export const Metadata = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const metadata = context.switchToHttp().getRequest<CommandRequest>().commandMetadata;
  if (!metadata) throw new Error('CommandMetadataInterceptor is not applied to this controller');
  return metadata;
});
