import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ActorResolver } from './actor';
import { allianceHandlers } from './alliance/alliance.commands';
import { AllianceController } from './alliance/alliance.controller';
import { evaluationHandlers } from './evaluations/evaluation.commands';
import { EvaluationController } from './evaluations/evaluation.controller';
import { governanceHandlers } from './governance/governance.commands';
import { GovernanceController } from './governance/governance.controller';
import { grantHandlers } from './grants/grant.commands';
import { GrantController } from './grants/grant.controller';
import { housingHandlers } from './housing/housing.commands';
import { HousingController } from './housing/housing.controller';
import { organisationHandlers } from './organisations/organisation.commands';
import { OrganisationController } from './organisations/organisation.controller';
import { initiativeHandlers } from './initiatives/initiative.commands';
import { InitiativeController } from './initiatives/initiative.controller';
import { partnerHandlers } from './partners/partner.commands';
import { PartnerController } from './partners/partner.controller';
import { referenceCountHandlers } from './reference-counts/reference-count.commands';
import { ReferenceCountController } from './reference-counts/reference-count.controller';
import {
  CommandMetadataInterceptor,
  CommandRecorder,
  LedgerReferences,
  RequestFingerprints,
} from './shared';

/**
 * The write side: everything the secretariat records, over HTTP. Controllers validate the body
 * and name the command; each command's own handler loads its stream, lets the domain decide and
 * appends (CommandRecorder).
 */
@Module({
  imports: [CqrsModule.forRoot()],
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
  providers: [
    ActorResolver,
    CommandRecorder,
    LedgerReferences,
    RequestFingerprints,
    CommandMetadataInterceptor,
    ...allianceHandlers,
    ...partnerHandlers,
    ...organisationHandlers,
    ...governanceHandlers,
    ...initiativeHandlers,
    ...housingHandlers,
    ...grantHandlers,
    ...evaluationHandlers,
    ...referenceCountHandlers,
  ],
  exports: [LedgerReferences],
})
export class CommandsModule {}
