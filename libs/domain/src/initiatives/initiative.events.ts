import type { DomainEvent } from '../shared/events';
import type { InitiativePhase, InitiativeTargetUnit } from '../shared/vocabulary';

export interface InitiativeTarget {
  quantity: number;
  unit: InitiativeTargetUnit;
}
export type InitiativePartnerRole = 'lead' | 'participant';

export interface InitiativeLaunchedData {
  initiativeId: string;
  name: string;
  description: string;
  leadPartnerIds: string[];
  participatingPartnerIds: string[];
  municipalities: string[];
  target: InitiativeTarget;
  phase: InitiativePhase;
}
export interface InitiativeMovedToPhaseData {
  initiativeId: string;
  previousPhase: InitiativePhase;
  phase: InitiativePhase;
}
export interface InitiativeTargetRevisedData {
  initiativeId: string;
  previousTarget: InitiativeTarget;
  target: InitiativeTarget;
  reason: string;
}
export interface PartnerJoinedInitiativeData {
  initiativeId: string;
  partnerId: string;
  role: InitiativePartnerRole;
}
export interface PartnerLeftInitiativeData {
  initiativeId: string;
  partnerId: string;
  reason: string | null;
}

export type InitiativeLaunched = DomainEvent<'InitiativeLaunched', InitiativeLaunchedData>;
export type InitiativeMovedToPhase = DomainEvent<
  'InitiativeMovedToPhase',
  InitiativeMovedToPhaseData
>;
export type InitiativeTargetRevised = DomainEvent<
  'InitiativeTargetRevised',
  InitiativeTargetRevisedData
>;
export type PartnerJoinedInitiative = DomainEvent<
  'PartnerJoinedInitiative',
  PartnerJoinedInitiativeData
>;
export type PartnerLeftInitiative = DomainEvent<'PartnerLeftInitiative', PartnerLeftInitiativeData>;

export type InitiativeEvent =
  | InitiativeLaunched
  | InitiativeMovedToPhase
  | InitiativeTargetRevised
  | PartnerJoinedInitiative
  | PartnerLeftInitiative;

export const initiativeEventTypes = [
  'InitiativeLaunched',
  'InitiativeMovedToPhase',
  'InitiativeTargetRevised',
  'PartnerJoinedInitiative',
  'PartnerLeftInitiative',
] as const;
