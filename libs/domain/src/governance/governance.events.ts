import type { DomainEvent } from '../shared/events';
import type { BoardRole, SecretariatRole } from '../shared/vocabulary';

/** Days (YYYY-MM-DD); a term is the half-open interval [startsOn, endsOn). */
export interface Term {
  startsOn: string;
  /** Null while no end is set (the sources give no term length). */
  endsOn: string | null;
}

export interface GeneralAssemblyHeldData {
  allianceId: string;
  assemblyId: string;
  heldOn: string;
  /** Partner ids of the association members present, who could vote. */
  membersPresent: string[];
}
export interface BoardMemberElectedData {
  allianceId: string;
  seatId: string;
  assemblyId: string;
  personId: string;
  /** The organisation the person represents; not necessarily a partner (e.g. Villumfonden). */
  organisationId: string;
  role: BoardRole;
  term: Term;
}
export interface BoardMemberRoleChangedData {
  allianceId: string;
  seatId: string;
  personId: string;
  previousRole: BoardRole;
  role: BoardRole;
  changedOn: string;
}
export interface BoardMemberSteppedDownData {
  allianceId: string;
  seatId: string;
  personId: string;
  steppedDownOn: string;
  reason: string | null;
}
export interface AdvisoryBoardMemberAppointedData {
  allianceId: string;
  seatId: string;
  organisationId: string;
  representativePersonId: string;
  startsOn: string;
}
export interface AdvisoryBoardMemberLeftData {
  allianceId: string;
  seatId: string;
  organisationId: string;
  leftOn: string;
  reason: string | null;
}
export interface SecretariatStaffStartedData {
  allianceId: string;
  seatId: string;
  personId: string;
  role: SecretariatRole;
  startsOn: string;
}
export interface SecretariatStaffLeftData {
  allianceId: string;
  seatId: string;
  personId: string;
  leftOn: string;
  reason: string | null;
}

export type GeneralAssemblyHeld = DomainEvent<'GeneralAssemblyHeld', GeneralAssemblyHeldData>;
export type BoardMemberElected = DomainEvent<'BoardMemberElected', BoardMemberElectedData>;
export type BoardMemberRoleChanged = DomainEvent<
  'BoardMemberRoleChanged',
  BoardMemberRoleChangedData
>;
export type BoardMemberSteppedDown = DomainEvent<
  'BoardMemberSteppedDown',
  BoardMemberSteppedDownData
>;
export type AdvisoryBoardMemberAppointed = DomainEvent<
  'AdvisoryBoardMemberAppointed',
  AdvisoryBoardMemberAppointedData
>;
export type AdvisoryBoardMemberLeft = DomainEvent<
  'AdvisoryBoardMemberLeft',
  AdvisoryBoardMemberLeftData
>;
export type SecretariatStaffStarted = DomainEvent<
  'SecretariatStaffStarted',
  SecretariatStaffStartedData
>;
export type SecretariatStaffLeft = DomainEvent<'SecretariatStaffLeft', SecretariatStaffLeftData>;

export type GovernanceEvent =
  | GeneralAssemblyHeld
  | BoardMemberElected
  | BoardMemberRoleChanged
  | BoardMemberSteppedDown
  | AdvisoryBoardMemberAppointed
  | AdvisoryBoardMemberLeft
  | SecretariatStaffStarted
  | SecretariatStaffLeft;

export const governanceEventTypes = [
  'GeneralAssemblyHeld',
  'BoardMemberElected',
  'BoardMemberRoleChanged',
  'BoardMemberSteppedDown',
  'AdvisoryBoardMemberAppointed',
  'AdvisoryBoardMemberLeft',
  'SecretariatStaffStarted',
  'SecretariatStaffLeft',
] as const;
