import { Module } from '@nestjs/common';
import { ImportServiceModule } from '@ledger/application';
import { ActorResolver } from '../commands/actor';
import { ImportsController } from './imports.controller';
import { OneImportPerUser, RunningImports } from './one-import-per-user';

/** POST /imports and GET /imports/templates/:kind (issue 11). */
@Module({
  imports: [ImportServiceModule],
  controllers: [ImportsController],
  providers: [ActorResolver, RunningImports, OneImportPerUser],
})
export class ImportsModule {}
