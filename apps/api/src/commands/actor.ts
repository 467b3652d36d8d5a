import { Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '@ledger/event-store';
import type { AuthenticatedUser } from '../auth/authenticated-user';

/**
 * Who records a command. Every event's envelope names its actor, so this is the one place the
 * answer comes from: the user the AccessGuard authenticated from the bearer token (`{id: user
 * id, role}`). It is never read from the request body, where anyone could write anything. The
 * id is the user's opaque UUID, not the username, so no person's name enters the log this way.
 */
@Injectable()
export class ActorResolver {
  actorFor(request: Request): Actor {
    const user = request.user as AuthenticatedUser | undefined;
    // The guard runs before this; a command without a user would be a wiring fault: refuse it.
    if (!user?.id || !user.role) throw new UnauthorizedException('no authenticated user');
    return { id: user.id, role: user.role };
  }
}
