import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { UsersService } from '@ledger/platform';

/**
 * On the first start of the API, when no user exists, makes the user `admin` (role admin) and
 * prints its generated password once. It is not stored anywhere readable and never shown again;
 * `cli users password admin` sets a new one.
 */
@Injectable()
export class FirstAdmin implements OnApplicationBootstrap {
  private readonly log = new Logger('Auth');

  constructor(private readonly users: UsersService) {}

  async onApplicationBootstrap(): Promise<void> {
    const created = await this.users.createFirstAdmin();
    if (!created) return;
    this.log.warn(
      `No user existed, so the first administrator was created. ` +
        `Username: ${created.username}  Password: ${created.password}  ` +
        `-- THIS PASSWORD IS SHOWN ONLY THIS ONCE: write it down now. ` +
        `The admin manages users (cli users add <name> --role secretariat|board|auditor|admin); ` +
        `change this password with: cli users password admin`,
    );
  }
}
