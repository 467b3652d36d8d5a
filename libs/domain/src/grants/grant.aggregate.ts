import type { Decider } from '../shared/events';
import type { GrantCommand } from './grant.commands';
import { decideGrant } from './grant.decide';
import type { GrantEvent } from './grant.events';
import { evolveGrant, initialGrantState, type GrantState } from './grant.state';

export const grantAggregate: Decider<GrantState, GrantCommand, GrantEvent> = {
  initialState: initialGrantState,
  evolve: evolveGrant,
  decide: decideGrant,
};
