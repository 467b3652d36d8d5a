import type { InitiativePhase } from '../shared/vocabulary';
import type { InitiativeEvent, InitiativePartnerRole, InitiativeTarget } from './initiative.events';
import { assertNever } from '../shared/exhaustive';

export interface InitiativeState {
  launched: boolean;
  initiativeId: string | null;
  name: string | null;
  description: string | null;
  municipalities: string[];
  target: InitiativeTarget | null;
  phase: InitiativePhase | null;
  /** Partners taking part now, by id. */
  partners: Record<string, InitiativePartnerRole>;
  /** Every spell a partner took part, kept after it leaves. */
  participationHistory: Array<{
    partnerId: string;
    role: InitiativePartnerRole;
    joinedAt: string | null;
    leftAt: string | null;
  }>;
}

export const initialInitiativeState: InitiativeState = {
  launched: false,
  initiativeId: null,
  name: null,
  description: null,
  municipalities: [],
  target: null,
  phase: null,
  partners: {},
  participationHistory: [],
};

export function evolveInitiative(state: InitiativeState, event: InitiativeEvent): InitiativeState {
  const at = event.occurredAt ?? null;
  switch (event.type) {
    case 'InitiativeLaunched': {
      const { leadPartnerIds, participatingPartnerIds } = event.data;
      const spells = [
        ...leadPartnerIds.map((partnerId) => ({ partnerId, role: 'lead' as const })),
        ...participatingPartnerIds.map((partnerId) => ({
          partnerId,
          role: 'participant' as const,
        })),
      ];
      return {
        ...state,
        launched: true,
        initiativeId: event.data.initiativeId,
        name: event.data.name,
        description: event.data.description,
        municipalities: event.data.municipalities,
        target: event.data.target,
        phase: event.data.phase,
        partners: Object.fromEntries(spells.map((s) => [s.partnerId, s.role])),
        participationHistory: spells.map((s) => ({ ...s, joinedAt: at, leftAt: null })),
      };
    }
    case 'InitiativeMovedToPhase':
      return { ...state, phase: event.data.phase };
    case 'InitiativeTargetRevised':
      return { ...state, target: event.data.target };
    case 'PartnerJoinedInitiative':
      return {
        ...state,
        partners: { ...state.partners, [event.data.partnerId]: event.data.role },
        participationHistory: [
          ...state.participationHistory,
          { partnerId: event.data.partnerId, role: event.data.role, joinedAt: at, leftAt: null },
        ],
      };
    case 'PartnerLeftInitiative': {
      const partners = { ...state.partners };
      delete partners[event.data.partnerId];
      return {
        ...state,
        partners,
        participationHistory: state.participationHistory.map((spell) =>
          spell.partnerId === event.data.partnerId && spell.leftAt === null
            ? { ...spell, leftAt: at }
            : spell,
        ),
      };
    }
    default:
      return assertNever(event);
  }
}
