import { Module } from '@nestjs/common';
import { QueryServicesModule } from '@ledger/application';
import { PersonRegisterModule } from '@ledger/platform';
import {
  DataQualityController,
  GovernanceQueriesController,
  InitiativesQueriesController,
  PartnersQueriesController,
  ProgressController,
} from './queries.controller';

/** The query side over HTTP: read models only, never the event log. */
@Module({
  imports: [QueryServicesModule, PersonRegisterModule],
  controllers: [
    ProgressController,
    GovernanceQueriesController,
    PartnersQueriesController,
    InitiativesQueriesController,
    DataQualityController,
  ],
})
export class QueriesModule {}
