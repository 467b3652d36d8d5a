import { Module } from '@nestjs/common';
import { ActorResolver } from '../commands/actor';
import { CommandsModule } from '../commands/commands.module';
import { ImportService } from './import.service';
import { ImportsController } from './imports.controller';
import { OneImportPerUser, RunningImports } from './one-import-per-user';

/** The import itself, for the CLI (`cli import`) and the API: rows sent as the API's commands. */
@Module({
  imports: [CommandsModule],
  providers: [ImportService],
  exports: [ImportService],
})
export class ImportServiceModule {}

/** POST /imports and GET /imports/templates/:kind (issue 11). */
@Module({
  imports: [ImportServiceModule],
  controllers: [ImportsController],
  providers: [ActorResolver, RunningImports, OneImportPerUser],
})
export class ImportsModule {}
