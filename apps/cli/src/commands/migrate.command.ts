import { Command, CommandRunner } from 'nest-commander';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Runs the database migrations; they also run at every start, so this is for operators. */
@Command({ name: 'migrate', description: 'apply the database migrations and list what ran' })
export class MigrateCommand extends CommandRunner {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async run(): Promise<void> {
    const pending = await this.dataSource.showMigrations();
    const ran = await this.dataSource.query(`SELECT name FROM migrations ORDER BY id`);
    process.stdout.write(
      `${ran.length} migration(s) applied${pending ? ', some pending' : ', none pending'}\n` +
        ran.map((row: { name: string }) => `  ${row.name}\n`).join(''),
    );
  }
}
