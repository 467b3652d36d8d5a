import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { Role } from '@ledger/platform';
import { ApiErrors } from '../openapi/api-errors';
import { ApiNoToken } from '../openapi/no-token';

export const ROLES_KEY = 'ledger:roles';
export const PUBLIC_KEY = 'ledger:public';

/**
 * The roles that may call an endpoint (on a controller: all its endpoints; on a method: that
 * one, overriding the controller's). Every endpoint must carry `@Roles(...)` or `@Public()`:
 * the global AccessGuard refuses one with neither, and test/auth/route-roles.e2e-spec.ts fails.
 */
export function Roles(...roles: [Role, ...Role[]]): ClassDecorator & MethodDecorator {
  // In OpenAPI: the bearer scheme, and the answers every such endpoint may give: 401 without a
  // token, 403 with another role, 429 over the rate limit.
  return applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiBearerAuth(),
    ApiErrors([401, 403, 429]),
  ) as ClassDecorator & MethodDecorator;
}

/** An endpoint anyone may call without a token (/health, POST /auth/login). */
export function Public(): ClassDecorator & MethodDecorator {
  // In OpenAPI: `security: []`, so clients know to send no token.
  return applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiNoToken()) as ClassDecorator &
    MethodDecorator;
}

/** Who may read the read models (progress, governance, partners, ...). */
export const READERS: [Role, ...Role[]] = ['secretariat', 'board', 'auditor'];
/** Who may record commands. */
export const WRITERS: [Role, ...Role[]] = ['secretariat'];
