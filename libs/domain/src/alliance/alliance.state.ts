import type { PartnershipCommitment, StrategicEffort } from '../shared/vocabulary';
import type { AllianceEvent, AllianceGoal } from './alliance.events';
import { assertNever } from '../shared/exhaustive';

export interface AllianceState {
  founded: boolean;
  allianceId: string | null;
  name: string | null;
  foundedAt: string | null;
  goal: AllianceGoal | null;
  /** Earlier goals, oldest first, so the board can see how the target moved. */
  goalHistory: Array<{ goal: AllianceGoal; revisedAt: string | null; reason: string }>;
  principles: PartnershipCommitment[];
  strategicEfforts: StrategicEffort[];
}

export const initialAllianceState: AllianceState = {
  founded: false,
  allianceId: null,
  name: null,
  foundedAt: null,
  goal: null,
  goalHistory: [],
  principles: [],
  strategicEfforts: [],
};

export function evolveAlliance(state: AllianceState, event: AllianceEvent): AllianceState {
  switch (event.type) {
    case 'AllianceFounded':
      return {
        ...state,
        founded: true,
        allianceId: event.data.allianceId,
        name: event.data.name,
        foundedAt: event.occurredAt ?? null,
        goal: event.data.goal,
        principles: event.data.principles,
        strategicEfforts: event.data.strategicEfforts,
      };
    case 'AllianceGoalRevised':
      return {
        ...state,
        goal: event.data.goal,
        goalHistory: [
          ...state.goalHistory,
          {
            goal: event.data.previousGoal,
            revisedAt: event.occurredAt ?? null,
            reason: event.data.reason,
          },
        ],
      };
    default:
      return assertNever(event);
  }
}
