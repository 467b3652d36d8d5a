import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { ROLES, UserRequestRefused, UsersService } from '@ledger/platform';

/** Reads a password from standard input (one line; the trailing newline is dropped). */
async function passwordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** A refused request ends with its reason and exit code 1, without a stack trace. */
async function refusedAsMessage(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (error instanceof UserRequestRefused) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}

interface PasswordOptions {
  passwordStdin?: boolean;
}

@SubCommand({
  name: 'add',
  arguments: '<username>',
  description: `add a user with a role (${ROLES.join(', ')}); prints a generated password once, unless --password-stdin`,
})
export class UsersAddCommand extends CommandRunner {
  constructor(private readonly users: UsersService) {
    super();
  }

  async run([username]: string[], options: PasswordOptions & { role: string }): Promise<void> {
    await refusedAsMessage(async () => {
      const given = options.passwordStdin ? await passwordFromStdin() : undefined;
      const { user, password } = await this.users.add(username, options.role, given);
      process.stdout.write(`added ${user.username} (${user.role}), user id ${user.id}\n`);
      if (given === undefined) {
        process.stdout.write(
          `password: ${password}\n(shown only this once: hand it to the user over a safe channel)\n`,
        );
      }
    });
  }

  @Option({ flags: '--role <role>', description: ROLES.join(' | '), required: true })
  parseRole(value: string): string {
    return value;
  }

  @Option({ flags: '--password-stdin', description: 'read the password from standard input' })
  parsePasswordStdin(): boolean {
    return true;
  }
}

@SubCommand({ name: 'list', description: 'list users: id, username, role, created, disabled' })
export class UsersListCommand extends CommandRunner {
  constructor(private readonly users: UsersService) {
    super();
  }

  async run(): Promise<void> {
    const users = await this.users.list();
    if (users.length === 0) process.stdout.write('no users\n');
    for (const user of users) {
      process.stdout.write(
        [
          user.username.padEnd(24),
          user.role.padEnd(12),
          user.id,
          `created ${user.createdAt}`,
          user.disabledAt ? `DISABLED ${user.disabledAt}` : 'active',
        ].join('  ') + '\n',
      );
    }
  }
}

@SubCommand({
  name: 'disable',
  arguments: '<username>',
  description: 'disable a user: no more logins, and their tokens stop working at once',
})
export class UsersDisableCommand extends CommandRunner {
  constructor(private readonly users: UsersService) {
    super();
  }

  async run([username]: string[]): Promise<void> {
    await refusedAsMessage(async () => {
      const user = await this.users.disable(username);
      process.stdout.write(`disabled ${user.username} (since ${user.disabledAt})\n`);
    });
  }
}

@SubCommand({
  name: 'password',
  arguments: '<username>',
  description:
    "set a user's new password (generated and printed once, unless --password-stdin); their tokens stop working",
})
export class UsersPasswordCommand extends CommandRunner {
  constructor(private readonly users: UsersService) {
    super();
  }

  async run([username]: string[], options: PasswordOptions): Promise<void> {
    await refusedAsMessage(async () => {
      const given = options.passwordStdin ? await passwordFromStdin() : undefined;
      const password = await this.users.setPassword(username, given);
      process.stdout.write(`new password set for ${username}\n`);
      if (given === undefined) {
        process.stdout.write(`password: ${password}\n(shown only this once)\n`);
      }
    });
  }

  @Option({ flags: '--password-stdin', description: 'read the password from standard input' })
  parsePasswordStdin(): boolean {
    return true;
  }
}

/** `cli users add|list|disable|password`: users are operational data (schema auth), not events. */
@Command({
  name: 'users',
  description: 'manage who may log in to the API: add, list, disable, password',
  subCommands: [UsersAddCommand, UsersListCommand, UsersDisableCommand, UsersPasswordCommand],
})
export class UsersCommand extends CommandRunner {
  async run(): Promise<void> {
    this.command.help();
  }
}

export const usersCommands = [
  UsersCommand,
  UsersAddCommand,
  UsersListCommand,
  UsersDisableCommand,
  UsersPasswordCommand,
];
