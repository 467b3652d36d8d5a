import type { DomainEvent } from '../shared/events';
import type { PartnershipCommitment, StrategicEffort } from '../shared/vocabulary';

/** The goal and its time frame in whole years: the sources say both "2016-2026" and "by 2027". */
export interface AllianceGoal {
  homes: number;
  fromYear: number;
  toYear: number;
}

export interface AllianceFoundedData {
  allianceId: string;
  name: string;
  goal: AllianceGoal;
  /** The partnership commitments the alliance asks of every partner. */
  principles: PartnershipCommitment[];
  strategicEfforts: StrategicEffort[];
}

export interface AllianceGoalRevisedData {
  allianceId: string;
  previousGoal: AllianceGoal;
  goal: AllianceGoal;
  reason: string;
}

export type AllianceFounded = DomainEvent<'AllianceFounded', AllianceFoundedData>;
export type AllianceGoalRevised = DomainEvent<'AllianceGoalRevised', AllianceGoalRevisedData>;
export type AllianceEvent = AllianceFounded | AllianceGoalRevised;

export const allianceEventTypes = ['AllianceFounded', 'AllianceGoalRevised'] as const;
