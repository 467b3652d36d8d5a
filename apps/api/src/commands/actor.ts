import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '@ledger/event-store';

/**
 * Who records a command. Every event's envelope names its actor, so this is the one place the
 * answer comes from; it is never read from the request body, where anyone could write anything.
 */
@Injectable()
export class ActorResolver {
  actorFor(_request: Request): Actor {
    // Until authentication arrives (issue 9) only the secretariat writes to the ledger, so every
    // command is recorded as theirs. Issue 9 replaces this body with the authenticated user.
    return { id: 'secretariat', role: 'secretariat' };
  }
}
