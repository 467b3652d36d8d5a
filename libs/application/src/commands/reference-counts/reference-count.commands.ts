import {
  referenceCountsAggregate,
  streamIdForReferenceCounts,
  type RecordReferenceCount,
  type ReferenceCountCommand,
  type ReferenceCountEvent,
  type ReferenceCountsState,
} from '@ledger/domain';
import { AggregateStreams, recordingHandler, RecordCommand, referenceTo } from '../../recording';

export class RecordReferenceCountCommand extends RecordCommand<RecordReferenceCount> {}

/** The alliance's reference counts; like governance, they belong to a founded alliance. */
const referenceCounts: AggregateStreams<
  ReferenceCountsState,
  ReferenceCountCommand,
  ReferenceCountEvent
> = {
  decider: referenceCountsAggregate,
  streamIdOf: (command) => streamIdForReferenceCounts(command.allianceId),
  idOf: (command) => command.allianceId,
  references: (command) => referenceTo('allianceId', 'alliance', command.allianceId),
  createdIds: (command) => ({ countId: command.countId }),
};

export const referenceCountHandlers = [
  recordingHandler(RecordReferenceCountCommand, referenceCounts),
];
