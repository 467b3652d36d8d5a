import type { DomainEvent } from '../shared/events';

/**
 * A national count of homeless young people (VIVE/SFI and the like): context for the alliance's
 * work, never added to its count of homes. Some sources give only a change ("-18 % since the
 * last count"), so both figures are optional but at least one is given.
 */
export interface ReferenceCountRecordedData {
  allianceId: string;
  countId: string;
  source: string;
  /** The day (or first day of the week) the count describes. */
  countedOn: string;
  /** Where the count applies: "Danmark", or a municipality. */
  area: string;
  ageFrom: number;
  ageTo: number;
  homelessYoungPeople: number | null;
  changePercent: number | null;
  /** What the change is measured against, e.g. "the 2019 count". */
  comparedWith: string | null;
}

export type ReferenceCountRecorded = DomainEvent<
  'ReferenceCountRecorded',
  ReferenceCountRecordedData
>;
export type ReferenceCountEvent = ReferenceCountRecorded;

export const referenceCountEventTypes = ['ReferenceCountRecorded'] as const;
