import {
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Role } from '@ledger/platform';
import { PUBLIC_KEY, ROLES_KEY } from './access.decorators';
import type { AuthenticatedUser } from './authenticated-user';
import { databaseUnavailable, isDatabaseUnavailable } from './database-unavailable';

/**
 * The global guard (APP_GUARD): every route is closed unless it says otherwise. `@Public()`
 * routes are open; every other route needs a valid bearer token (401 otherwise) and a user whose
 * role its `@Roles(...)` names (403 otherwise). A route with neither decorator is refused to
 * everyone (403): forgetting to declare roles can never open an endpoint. A token that cannot
 * be checked because the database is unreachable is 503 with Retry-After, not 401: only a bad
 * token (or a user disabled or unknown) is 401.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    await super.canActivate(context);
    const user = context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles?.length) {
      throw new ForbiddenException('this endpoint declares no roles, so nobody may call it');
    }
    if (!user || !roles.includes(user.role)) {
      throw new ForbiddenException(
        `only for ${roles.join(', ')}; you are ${user?.role ?? 'nobody'}`,
      );
    }
    return true;
  }

  override handleRequest<T>(error: unknown, user: T, info: unknown, context: ExecutionContext): T {
    if (error instanceof UnauthorizedException) throw error;
    // An error here comes from looking the token's user up (JwtStrategy.validate), not from the
    // token: a problem of the server, never the client's credentials.
    if (isDatabaseUnavailable(error)) {
      throw databaseUnavailable(context.switchToHttp().getResponse());
    }
    if (error) throw error;
    if (!user) {
      const reason =
        info instanceof Error && info.name === 'TokenExpiredError'
          ? 'the token has expired: log in again (POST /auth/login)'
          : 'a valid bearer token is required: log in with POST /auth/login';
      throw new UnauthorizedException(reason);
    }
    return user;
  }
}
