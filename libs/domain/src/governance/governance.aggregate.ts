import type { Decider } from '../shared/events';
import type { GovernanceCommand } from './governance.commands';
import { decideGovernance } from './governance.decide';
import type { GovernanceEvent } from './governance.events';
import { evolveGovernance, initialGovernanceState, type GovernanceState } from './governance.state';

export const governanceAggregate: Decider<GovernanceState, GovernanceCommand, GovernanceEvent> = {
  initialState: initialGovernanceState,
  evolve: evolveGovernance,
  decide: decideGovernance,
};
