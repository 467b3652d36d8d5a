import type { PartnershipCommitment, Sector } from '../shared/vocabulary';
import type { CommitmentTarget } from './partner.events';

interface PartnerCommandBase {
  partnerId: string;
  /** When it happened in the world (ISO date or date-time); defaults to `now`. */
  occurredAt?: string;
}

export interface JoinAlliance extends PartnerCommandBase {
  type: 'JoinAlliance';
  name: string;
  sector: Sector;
  municipality?: string | null;
}
export interface RenamePartner extends PartnerCommandBase {
  type: 'RenamePartner';
  name: string;
}
export interface LeaveAlliance extends PartnerCommandBase {
  type: 'LeaveAlliance';
  reason?: string | null;
}
export interface RejoinAlliance extends PartnerCommandBase {
  type: 'RejoinAlliance';
}

interface DeclarationFields {
  purpose: string;
  contributionsToGoal?: string[];
  contributionsToAlliance?: string[];
  principles?: PartnershipCommitment[];
}
export interface DraftPartnershipDeclaration extends PartnerCommandBase, DeclarationFields {
  type: 'DraftPartnershipDeclaration';
  declarationId: string;
}
export interface SignPartnershipDeclaration extends PartnerCommandBase {
  type: 'SignPartnershipDeclaration';
  declarationId: string;
}
export interface RevisePartnershipDeclaration extends PartnerCommandBase, DeclarationFields {
  type: 'RevisePartnershipDeclaration';
  declarationId: string;
  reason?: string | null;
}
export interface WithdrawPartnershipDeclaration extends PartnerCommandBase {
  type: 'WithdrawPartnershipDeclaration';
  declarationId: string;
  reason: string;
}

export interface MakeCommitment extends PartnerCommandBase {
  type: 'MakeCommitment';
  commitmentId: string;
  declarationId?: string | null;
  description: string;
  target: CommitmentTarget;
  /** ISO date the commitment is due. */
  dueOn: string;
}
export interface FulfilCommitment extends PartnerCommandBase {
  type: 'FulfilCommitment';
  commitmentId: string;
  note?: string | null;
}
export interface ReviseCommitment extends PartnerCommandBase {
  type: 'ReviseCommitment';
  commitmentId: string;
  target: CommitmentTarget;
  dueOn: string;
  reason: string;
}
export interface WithdrawCommitment extends PartnerCommandBase {
  type: 'WithdrawCommitment';
  commitmentId: string;
  reason: string;
}

export type PartnerCommand =
  | JoinAlliance
  | RenamePartner
  | LeaveAlliance
  | RejoinAlliance
  | DraftPartnershipDeclaration
  | SignPartnershipDeclaration
  | RevisePartnershipDeclaration
  | WithdrawPartnershipDeclaration
  | MakeCommitment
  | FulfilCommitment
  | ReviseCommitment
  | WithdrawCommitment;
