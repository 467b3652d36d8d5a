import type { ReferenceCountEvent, ReferenceCountRecordedData } from './reference-count.events';
import { assertNever } from '../shared/exhaustive';

export interface ReferenceCountsState {
  allianceId: string | null;
  counts: ReferenceCountRecordedData[];
}

export const initialReferenceCountsState: ReferenceCountsState = { allianceId: null, counts: [] };

export function evolveReferenceCounts(
  state: ReferenceCountsState,
  event: ReferenceCountEvent,
): ReferenceCountsState {
  switch (event.type) {
    case 'ReferenceCountRecorded':
      return { allianceId: event.data.allianceId, counts: [...state.counts, event.data] };
    default:
      return assertNever(event.type); // .type: a union of one member does not narrow to never
  }
}
