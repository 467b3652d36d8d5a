import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { Role } from '@ledger/platform';

export const ROLES_KEY = 'ledger:roles';
export const PUBLIC_KEY = 'ledger:public';

/**
 * The roles that may call an endpoint (on a controller: all its endpoints; on a method: that
 * one, overriding the controller's). Every endpoint must carry `@Roles(...)` or `@Public()`:
 * the global AccessGuard refuses one with neither, and test/auth/route-roles.e2e-spec.ts fails.
 */
export function Roles(...roles: [Role, ...Role[]]): ClassDecorator & MethodDecorator {
  // In OpenAPI: the bearer scheme (401 without a token, 403 with another role, 429 when over
  // the rate limit apply to every such endpoint and are described once, in the document).
  return applyDecorators(SetMetadata(ROLES_KEY, roles), ApiBearerAuth()) as ClassDecorator &
    MethodDecorator;
}

/** An endpoint anyone may call without a token (/health, POST /auth/login). */
export function Public(): ClassDecorator & MethodDecorator {
  return SetMetadata(PUBLIC_KEY, true) as ClassDecorator & MethodDecorator;
}

/** Who may read the read models (progress, governance, partners, ...). */
export const READERS: [Role, ...Role[]] = ['secretariat', 'board', 'auditor'];
/** Who may record commands. */
export const WRITERS: [Role, ...Role[]] = ['secretariat'];
