import {
  housingReportAggregate,
  streamIdForHousingReport,
  type CorrectHousingCount,
  type HousingReportCommand,
  type HousingReportEvent,
  type HousingReportState,
  type ReportHomes,
  type RetractHousingCount,
} from '@ledger/domain';
import { AggregateStreams, recordingHandler, RecordCommand, referenceTo } from '../../recording';

export class ReportHomesCommand extends RecordCommand<ReportHomes> {}
export class CorrectHousingCountCommand extends RecordCommand<CorrectHousingCount> {}
export class RetractHousingCountCommand extends RecordCommand<RetractHousingCount> {}

const housingReport: AggregateStreams<
  HousingReportState,
  HousingReportCommand,
  HousingReportEvent
> = {
  decider: housingReportAggregate,
  streamIdOf: (command) => streamIdForHousingReport(command.reportId),
  idOf: (command) => command.reportId,
  references: (command) =>
    command.type === 'ReportHomes'
      ? [
          ...referenceTo('initiativeId', 'initiative', command.initiativeId),
          ...referenceTo('partnerId', 'partner', command.partnerId),
        ]
      : [],
};

export const housingHandlers = [
  ReportHomesCommand,
  CorrectHousingCountCommand,
  RetractHousingCountCommand,
].map((command) =>
  recordingHandler<HousingReportState, HousingReportCommand, HousingReportEvent>(
    command,
    housingReport,
  ),
);
