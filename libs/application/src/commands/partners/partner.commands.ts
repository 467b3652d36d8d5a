import {
  partnerAggregate,
  streamIdForPartner,
  type DraftPartnershipDeclaration,
  type FulfilCommitment,
  type JoinAlliance,
  type LeaveAlliance,
  type MakeCommitment,
  type PartnerCommand,
  type PartnerEvent,
  type PartnerState,
  type RejoinAlliance,
  type RenamePartner,
  type ReviseCommitment,
  type RevisePartnershipDeclaration,
  type SignPartnershipDeclaration,
  type WithdrawCommitment,
  type WithdrawPartnershipDeclaration,
} from '@ledger/domain';
import { AggregateStreams, recordingHandler, RecordCommand } from '../../recording';

export class JoinAllianceCommand extends RecordCommand<JoinAlliance> {}
export class RenamePartnerCommand extends RecordCommand<RenamePartner> {}
export class LeaveAllianceCommand extends RecordCommand<LeaveAlliance> {}
export class RejoinAllianceCommand extends RecordCommand<RejoinAlliance> {}
export class DraftPartnershipDeclarationCommand extends RecordCommand<DraftPartnershipDeclaration> {}
export class SignPartnershipDeclarationCommand extends RecordCommand<SignPartnershipDeclaration> {}
export class RevisePartnershipDeclarationCommand extends RecordCommand<RevisePartnershipDeclaration> {}
export class WithdrawPartnershipDeclarationCommand extends RecordCommand<WithdrawPartnershipDeclaration> {}
export class MakeCommitmentCommand extends RecordCommand<MakeCommitment> {}
export class FulfilCommitmentCommand extends RecordCommand<FulfilCommitment> {}
export class ReviseCommitmentCommand extends RecordCommand<ReviseCommitment> {}
export class WithdrawCommitmentCommand extends RecordCommand<WithdrawCommitment> {}

const partner: AggregateStreams<PartnerState, PartnerCommand, PartnerEvent> = {
  decider: partnerAggregate,
  streamIdOf: (command) => streamIdForPartner(command.partnerId),
  idOf: (command) => command.partnerId,
  createdIds: (command) =>
    command.type === 'DraftPartnershipDeclaration'
      ? { declarationId: command.declarationId }
      : command.type === 'MakeCommitment'
        ? { commitmentId: command.commitmentId }
        : {},
};

export const partnerHandlers = [
  JoinAllianceCommand,
  RenamePartnerCommand,
  LeaveAllianceCommand,
  RejoinAllianceCommand,
  DraftPartnershipDeclarationCommand,
  SignPartnershipDeclarationCommand,
  RevisePartnershipDeclarationCommand,
  WithdrawPartnershipDeclarationCommand,
  MakeCommitmentCommand,
  FulfilCommitmentCommand,
  ReviseCommitmentCommand,
  WithdrawCommitmentCommand,
].map((command) => recordingHandler<PartnerState, PartnerCommand, PartnerEvent>(command, partner));
