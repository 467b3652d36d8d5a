import type { Decider } from '../shared/events';
import type { InitiativeCommand } from './initiative.commands';
import { decideInitiative } from './initiative.decide';
import type { InitiativeEvent } from './initiative.events';
import { evolveInitiative, initialInitiativeState, type InitiativeState } from './initiative.state';

export const initiativeAggregate: Decider<InitiativeState, InitiativeCommand, InitiativeEvent> = {
  initialState: initialInitiativeState,
  evolve: evolveInitiative,
  decide: decideInitiative,
};
