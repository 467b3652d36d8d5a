import { Module } from '@nestjs/common';
import { LIVE_READ_MODEL_SCHEMA, READ_MODEL_SCHEMA } from '@ledger/read-models';
import { PersonRegisterModule } from '@ledger/platform';
import { DataQualityService } from './data-quality.service';
import { GovernanceService } from './governance.service';
import { PartnersService } from './partners.service';
import { ProgressService } from './progress.service';
import { HistoryQueries, ReadModelQueries } from './query-pools';

/** The query side's use cases: read models only, never the event log. */
@Module({
  imports: [PersonRegisterModule],
  providers: [
    { provide: READ_MODEL_SCHEMA, useValue: LIVE_READ_MODEL_SCHEMA },
    HistoryQueries,
    ReadModelQueries,
    ProgressService,
    GovernanceService,
    PartnersService,
    DataQualityService,
  ],
  exports: [
    ProgressService,
    GovernanceService,
    PartnersService,
    DataQualityService,
    ReadModelQueries,
  ],
})
export class QueryServicesModule {}
