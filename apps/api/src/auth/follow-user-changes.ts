import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ActiveUserCache, DATABASE_URL } from '@ledger/platform';

/**
 * The API checks the token's user on every request; from start-up on it keeps the active users
 * in memory and listens for their changes (see ActiveUserCache).
 */
@Injectable()
export class FollowUserChanges implements OnApplicationBootstrap {
  constructor(
    private readonly activeUsers: ActiveUserCache,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.activeUsers.follow(this.databaseUrl);
  }
}
