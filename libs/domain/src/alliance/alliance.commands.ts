import type { PartnershipCommitment, StrategicEffort } from '../shared/vocabulary';
import type { AllianceGoal } from './alliance.events';

export interface FoundAlliance {
  type: 'FoundAlliance';
  allianceId: string;
  name: string;
  goal: AllianceGoal;
  /** Defaults to the five partnership commitments. */
  principles?: PartnershipCommitment[];
  /** Defaults to the three strategic efforts. */
  strategicEfforts?: StrategicEffort[];
  occurredAt?: string;
}

export interface ReviseAllianceGoal {
  type: 'ReviseAllianceGoal';
  allianceId: string;
  goal: AllianceGoal;
  reason: string;
  occurredAt?: string;
}

export type AllianceCommand = FoundAlliance | ReviseAllianceGoal;
