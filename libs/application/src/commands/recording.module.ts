import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { allianceHandlers } from './alliance/alliance.commands';
import { evaluationHandlers } from './evaluations/evaluation.commands';
import { governanceHandlers } from './governance/governance.commands';
import { grantHandlers } from './grants/grant.commands';
import { housingHandlers } from './housing/housing.commands';
import { initiativeHandlers } from './initiatives/initiative.commands';
import { organisationHandlers } from './organisations/organisation.commands';
import { partnerHandlers } from './partners/partner.commands';
import { referenceCountHandlers } from './reference-counts/reference-count.commands';
import { CommandRecorder } from '../recording/command-recorder';
import { LedgerReferences } from '../recording/references';
import { RequestFingerprints } from '../recording/request-fingerprints';

/**
 * Recording a command, for every app that records: the API's controllers, the import (API and
 * CLI) and the demo data's seed send the same command classes over the same bus to the same
 * handlers, so a rule holds whichever door a command came through.
 */
@Module({
  imports: [CqrsModule.forRoot()],
  providers: [
    CommandRecorder,
    LedgerReferences,
    RequestFingerprints,
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
  exports: [CqrsModule, CommandRecorder, LedgerReferences, RequestFingerprints],
})
export class RecordingModule {}
