import type { BoardRole, SecretariatRole } from '../shared/vocabulary';

interface GovernanceCommandBase {
  allianceId: string;
  /** When it happened in the world (ISO date or date-time); defaults to `now`. */
  occurredAt?: string;
}

export interface HoldGeneralAssembly extends GovernanceCommandBase {
  type: 'HoldGeneralAssembly';
  assemblyId: string;
  membersPresent?: string[];
}
/** Takes place at the assembly, so it has no date of its own: the assembly's day is used. */
export interface ElectBoardMember {
  type: 'ElectBoardMember';
  allianceId: string;
  assemblyId: string;
  personId: string;
  organisationId: string;
  role: BoardRole;
  /** startsOn defaults to the assembly's day; endsOn to no set end. */
  term?: { startsOn?: string | null; endsOn?: string | null };
}
export interface ChangeBoardMemberRole extends GovernanceCommandBase {
  type: 'ChangeBoardMemberRole';
  personId: string;
  role: BoardRole;
}
export interface StepDownFromBoard extends GovernanceCommandBase {
  type: 'StepDownFromBoard';
  personId: string;
  reason?: string | null;
}
export interface AppointAdvisoryBoardMember extends GovernanceCommandBase {
  type: 'AppointAdvisoryBoardMember';
  organisationId: string;
  representativePersonId: string;
}
export interface LeaveAdvisoryBoard extends GovernanceCommandBase {
  type: 'LeaveAdvisoryBoard';
  organisationId: string;
  reason?: string | null;
}
export interface StartInSecretariat extends GovernanceCommandBase {
  type: 'StartInSecretariat';
  personId: string;
  role: SecretariatRole;
}
export interface LeaveSecretariat extends GovernanceCommandBase {
  type: 'LeaveSecretariat';
  personId: string;
  reason?: string | null;
}

export type GovernanceCommand =
  | HoldGeneralAssembly
  | ElectBoardMember
  | ChangeBoardMemberRole
  | StepDownFromBoard
  | AppointAdvisoryBoardMember
  | LeaveAdvisoryBoard
  | StartInSecretariat
  | LeaveSecretariat;
