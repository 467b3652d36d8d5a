import type { DomainEvent } from '../shared/events';
import type { HousingType } from '../shared/vocabulary';
import type { Quarter } from './quarter';

/**
 * Homes created through the alliance, as a count only: nothing about any young person. Each
 * report names one initiative and one partner, so that the same home is attributed once and
 * double counting across partners can be seen.
 */
export interface HomesReportedData {
  reportId: string;
  count: number;
  period: Quarter;
  municipality: string;
  initiativeId: string;
  partnerId: string;
  /** Where the number comes from, e.g. "Bo Sammen quarterly status". */
  source: string;
  housingType: HousingType;
  /** A 3-6 month host-family stay is not a permanent home. */
  permanent: boolean;
}
export interface HousingCountCorrectedData {
  reportId: string;
  previousCount: number;
  count: number;
  reason: string;
}
export interface HousingCountRetractedData {
  reportId: string;
  reason: string;
}

export type HomesReported = DomainEvent<'HomesReported', HomesReportedData>;
export type HousingCountCorrected = DomainEvent<'HousingCountCorrected', HousingCountCorrectedData>;
export type HousingCountRetracted = DomainEvent<'HousingCountRetracted', HousingCountRetractedData>;
export type HousingReportEvent = HomesReported | HousingCountCorrected | HousingCountRetracted;

export const housingReportEventTypes = [
  'HomesReported',
  'HousingCountCorrected',
  'HousingCountRetracted',
] as const;
