import { Module } from '@nestjs/common';
import { RecordingModule } from '@ledger/application';
import { ActorResolver } from './actor';
import { AllianceController } from './alliance/alliance.controller';
import { EvaluationController } from './evaluations/evaluation.controller';
import { GovernanceController } from './governance/governance.controller';
import { GrantController } from './grants/grant.controller';
import { HousingController } from './housing/housing.controller';
import { OrganisationController } from './organisations/organisation.controller';
import { InitiativeController } from './initiatives/initiative.controller';
import { PartnerController } from './partners/partner.controller';
import { ReferenceCountController } from './reference-counts/reference-count.controller';
import { CommandMetadataInterceptor } from './shared';

/**
 * The write side over HTTP: controllers validate the body and name the command; recording it
 * (load, decide, append) is the application's RecordingModule, the same for the import and the
 * seed.
 */
@Module({
  imports: [RecordingModule],
  controllers: [
    AllianceController,
    PartnerController,
    OrganisationController,
    GovernanceController,
    InitiativeController,
    HousingController,
    GrantController,
    EvaluationController,
    ReferenceCountController,
  ],
  providers: [ActorResolver, CommandMetadataInterceptor],
})
export class CommandsModule {}
