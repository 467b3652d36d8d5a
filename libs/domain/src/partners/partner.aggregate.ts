import type { Decider } from '../shared/events';
import type { PartnerCommand } from './partner.commands';
import { decidePartner } from './partner.decide';
import type { PartnerEvent } from './partner.events';
import { evolvePartner, initialPartnerState, type PartnerState } from './partner.state';

export const partnerAggregate: Decider<PartnerState, PartnerCommand, PartnerEvent> = {
  initialState: initialPartnerState,
  evolve: evolvePartner,
  decide: decidePartner,
};
