import type { Decider } from '../shared/events';
import type { AllianceCommand } from './alliance.commands';
import { decideAlliance } from './alliance.decide';
import type { AllianceEvent } from './alliance.events';
import { evolveAlliance, initialAllianceState, type AllianceState } from './alliance.state';

export const allianceAggregate: Decider<AllianceState, AllianceCommand, AllianceEvent> = {
  initialState: initialAllianceState,
  evolve: evolveAlliance,
  decide: decideAlliance,
};
