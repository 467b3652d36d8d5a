import type { DomainEvent } from '../shared/events';
import type { PartnershipCommitment, Sector } from '../shared/vocabulary';

export interface PartnerJoinedData {
  partnerId: string;
  name: string;
  sector: Sector;
  /** The municipality a municipal partner is, or works in; null for national organisations. */
  municipality: string | null;
}
export interface PartnerRenamedData {
  partnerId: string;
  previousName: string;
  name: string;
}
export interface PartnerLeftData {
  partnerId: string;
  reason: string | null;
}
export interface PartnerRejoinedData {
  partnerId: string;
}

/** The three blocks of a declaration (the Odense draft) and the principles committed to. */
export interface DeclarationContent {
  purpose: string;
  contributionsToGoal: string[];
  contributionsToAlliance: string[];
  principles: PartnershipCommitment[];
}
export interface PartnershipDeclarationDraftedData {
  partnerId: string;
  declarationId: string;
  version: number;
  content: DeclarationContent;
}
export interface PartnershipDeclarationSignedData {
  partnerId: string;
  declarationId: string;
  /** The version that was signed, so later revisions never blur what was agreed. */
  version: number;
}
export interface PartnershipDeclarationRevisedData {
  partnerId: string;
  declarationId: string;
  version: number;
  content: DeclarationContent;
  reason: string | null;
}
export interface PartnershipDeclarationWithdrawnData {
  partnerId: string;
  declarationId: string;
  reason: string;
}

/** Measurable: a number of something, e.g. 18 "dorm rooms reserved". */
export interface CommitmentTarget {
  quantity: number;
  unit: string;
}
export interface CommitmentMadeData {
  partnerId: string;
  commitmentId: string;
  declarationId: string | null;
  description: string;
  target: CommitmentTarget;
  dueOn: string;
}
export interface CommitmentFulfilledData {
  partnerId: string;
  commitmentId: string;
  note: string | null;
}
export interface CommitmentRevisedData {
  partnerId: string;
  commitmentId: string;
  previousTarget: CommitmentTarget;
  previousDueOn: string;
  target: CommitmentTarget;
  dueOn: string;
  reason: string;
}
export interface CommitmentWithdrawnData {
  partnerId: string;
  commitmentId: string;
  reason: string;
}

export type PartnerJoined = DomainEvent<'PartnerJoined', PartnerJoinedData>;
export type PartnerRenamed = DomainEvent<'PartnerRenamed', PartnerRenamedData>;
export type PartnerLeft = DomainEvent<'PartnerLeft', PartnerLeftData>;
export type PartnerRejoined = DomainEvent<'PartnerRejoined', PartnerRejoinedData>;
export type PartnershipDeclarationDrafted = DomainEvent<
  'PartnershipDeclarationDrafted',
  PartnershipDeclarationDraftedData
>;
export type PartnershipDeclarationSigned = DomainEvent<
  'PartnershipDeclarationSigned',
  PartnershipDeclarationSignedData
>;
export type PartnershipDeclarationRevised = DomainEvent<
  'PartnershipDeclarationRevised',
  PartnershipDeclarationRevisedData
>;
export type PartnershipDeclarationWithdrawn = DomainEvent<
  'PartnershipDeclarationWithdrawn',
  PartnershipDeclarationWithdrawnData
>;
export type CommitmentMade = DomainEvent<'CommitmentMade', CommitmentMadeData>;
export type CommitmentFulfilled = DomainEvent<'CommitmentFulfilled', CommitmentFulfilledData>;
export type CommitmentRevised = DomainEvent<'CommitmentRevised', CommitmentRevisedData>;
export type CommitmentWithdrawn = DomainEvent<'CommitmentWithdrawn', CommitmentWithdrawnData>;

export type PartnerEvent =
  | PartnerJoined
  | PartnerRenamed
  | PartnerLeft
  | PartnerRejoined
  | PartnershipDeclarationDrafted
  | PartnershipDeclarationSigned
  | PartnershipDeclarationRevised
  | PartnershipDeclarationWithdrawn
  | CommitmentMade
  | CommitmentFulfilled
  | CommitmentRevised
  | CommitmentWithdrawn;

export const partnerEventTypes = [
  'PartnerJoined',
  'PartnerRenamed',
  'PartnerLeft',
  'PartnerRejoined',
  'PartnershipDeclarationDrafted',
  'PartnershipDeclarationSigned',
  'PartnershipDeclarationRevised',
  'PartnershipDeclarationWithdrawn',
  'CommitmentMade',
  'CommitmentFulfilled',
  'CommitmentRevised',
  'CommitmentWithdrawn',
] as const;
