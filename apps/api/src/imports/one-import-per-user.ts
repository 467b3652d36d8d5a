import {
  CanActivate,
  ExecutionContext,
  HttpException,
  HttpStatus,
  Injectable,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AuthenticatedUser } from '../auth/authenticated-user';

/** Seconds a refused client is told to wait (an import of 10 MB is read in a few seconds). */
export const IMPORT_RETRY_AFTER_SECONDS = 10;

/** Held from the request's arrival until its import is done and its answer sent. */
export interface ImportTurn {
  /** The handler has begun: it gives the turn back when its work ends, not at disconnect. */
  working: boolean;
  release(): void;
}

const TURN = Symbol('import turn');

/** The users with an import running in this process. */
@Injectable()
export class RunningImports {
  private readonly users = new Set<string>();

  /** A turn for this user, or undefined while one of theirs runs. */
  take(userId: string): ImportTurn | undefined {
    if (this.users.has(userId)) return undefined;
    this.users.add(userId);
    let released = false;
    return {
      working: false,
      release: () => {
        if (released) return;
        released = true;
        this.users.delete(userId);
      },
    };
  }
}

/**
 * One running import per user (issue 17, item 7): a second upload by the same user while one
 * runs is refused with 429 and Retry-After before its body is read. It runs after the global
 * AccessGuard (so the user is known) and before the upload interceptor (so nothing is buffered).
 */
@Injectable()
export class OneImportPerUser implements CanActivate {
  constructor(private readonly running: RunningImports) {}

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { [TURN]?: ImportTurn }>();
    const response = http.getResponse<Response>();
    const user = request.user as AuthenticatedUser | undefined;
    if (!user?.id) return true; // the AccessGuard has already refused anonymous requests
    const turn = this.running.take(user.id);
    if (!turn) {
      response.setHeader('Retry-After', String(IMPORT_RETRY_AFTER_SECONDS));
      throw new HttpException(
        {
          statusCode: HttpStatus.TOO_MANY_REQUESTS,
          error: 'Too Many Requests',
          rule: 'one-import-per-user',
          message: `an import of yours is still running; one import per user at a time (retry after ${IMPORT_RETRY_AFTER_SECONDS} s)`,
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    request[TURN] = turn;
    // A request that ends before its handler starts (a broken upload, a refused file) gives
    // the turn back here; once the handler runs, it gives it back when its work is done.
    response.once('close', () => {
      if (!turn.working) turn.release();
    });
    return true;
  }
}

/** The turn OneImportPerUser took for this request. */
export function importTurnOf(request: Request): ImportTurn | undefined {
  return (request as Request & { [TURN]?: ImportTurn })[TURN];
}
