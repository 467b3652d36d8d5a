import { Module } from '@nestjs/common';
import { DataQualityService } from './data-quality.service';
import { GovernanceService } from './governance.service';
import { PartnersService } from './partners.service';
import { ProgressService } from './progress.service';
import {
  DataQualityController,
  GovernanceQueriesController,
  InitiativesQueriesController,
  PartnersQueriesController,
  ProgressController,
} from './queries.controller';

/** The query side: read models only, never the event log. */
@Module({
  controllers: [
    ProgressController,
    GovernanceQueriesController,
    PartnersQueriesController,
    InitiativesQueriesController,
    DataQualityController,
  ],
  providers: [ProgressService, GovernanceService, PartnersService, DataQualityService],
})
export class QueriesModule {}
