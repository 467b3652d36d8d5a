import type { InitiativePhase } from '../shared/vocabulary';
import type { InitiativePartnerRole, InitiativeTarget } from './initiative.events';

interface InitiativeCommandBase {
  initiativeId: string;
  /** When it happened in the world (ISO date or date-time); defaults to `now`. */
  occurredAt?: string;
}

export interface LaunchInitiative extends InitiativeCommandBase {
  type: 'LaunchInitiative';
  name: string;
  description: string;
  leadPartnerIds: string[];
  participatingPartnerIds?: string[];
  municipalities?: string[];
  target: InitiativeTarget;
  /** Defaults to `idea`; an initiative recorded late may start in a later phase. */
  phase?: InitiativePhase;
}
export interface MoveInitiativeToPhase extends InitiativeCommandBase {
  type: 'MoveInitiativeToPhase';
  phase: InitiativePhase;
}
export interface ReviseInitiativeTarget extends InitiativeCommandBase {
  type: 'ReviseInitiativeTarget';
  target: InitiativeTarget;
  reason: string;
}
export interface JoinInitiative extends InitiativeCommandBase {
  type: 'JoinInitiative';
  partnerId: string;
  role: InitiativePartnerRole;
}
export interface LeaveInitiative extends InitiativeCommandBase {
  type: 'LeaveInitiative';
  partnerId: string;
  reason?: string | null;
}

export type InitiativeCommand =
  | LaunchInitiative
  | MoveInitiativeToPhase
  | ReviseInitiativeTarget
  | JoinInitiative
  | LeaveInitiative;
