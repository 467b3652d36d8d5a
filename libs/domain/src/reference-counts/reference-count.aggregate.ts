import type { Decider } from '../shared/events';
import type { ReferenceCountCommand } from './reference-count.commands';
import { decideReferenceCounts } from './reference-count.decide';
import type { ReferenceCountEvent } from './reference-count.events';
import {
  evolveReferenceCounts,
  initialReferenceCountsState,
  type ReferenceCountsState,
} from './reference-count.state';

export const referenceCountsAggregate: Decider<
  ReferenceCountsState,
  ReferenceCountCommand,
  ReferenceCountEvent
> = {
  initialState: initialReferenceCountsState,
  evolve: evolveReferenceCounts,
  decide: decideReferenceCounts,
};
