import { Command, CommandRunner, SubCommand } from 'nest-commander';
import { PersonRegister } from '@ledger/platform';

@SubCommand({
  name: 'forget',
  arguments: '<personId>',
  description:
    "erase a person's name and contact details (data-protection request); events and hash chain stay as they are",
})
export class PersonsForgetCommand extends CommandRunner {
  constructor(private readonly persons: PersonRegister) {
    super();
  }

  async run([personId]: string[]): Promise<void> {
    const result = await this.persons.forget(personId);
    if (!result.known) {
      process.stderr.write(`person ${personId} is not in the register: nothing to erase\n`);
      process.exitCode = 1;
      return;
    }
    process.stdout.write(
      `erased the name and contact details of ${personId} (erased at ${result.erasedAt}); ` +
        `the log still names the id only, and shows it as ${JSON.stringify((await this.persons.get(personId)) ?? {})}\n`,
    );
  }
}

/** `cli persons forget <id>`: the person register (schema personal_data), outside the log. */
@Command({
  name: 'persons',
  description: 'the person register: forget <personId>',
  subCommands: [PersonsForgetCommand],
})
export class PersonsCommand extends CommandRunner {
  async run(): Promise<void> {
    this.command.help();
  }
}

export const personsCommands = [PersonsCommand, PersonsForgetCommand];
