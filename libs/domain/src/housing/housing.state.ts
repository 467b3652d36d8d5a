import type { HousingType } from '../shared/vocabulary';
import type { HousingReportEvent } from './housing.events';
import { assertNever } from '../shared/exhaustive';

export interface HousingReportState {
  status: 'unknown' | 'reported' | 'retracted';
  reportId: string | null;
  /** The count as it stands after corrections; 0 once retracted. */
  count: number;
  period: string | null;
  municipality: string | null;
  initiativeId: string | null;
  partnerId: string | null;
  housingType: HousingType | null;
  permanent: boolean | null;
  /** Every count the report has held, first first, so auditors see each correction. */
  countHistory: Array<{ count: number; at: string | null; reason: string | null }>;
}

export const initialHousingReportState: HousingReportState = {
  status: 'unknown',
  reportId: null,
  count: 0,
  period: null,
  municipality: null,
  initiativeId: null,
  partnerId: null,
  housingType: null,
  permanent: null,
  countHistory: [],
};

export function evolveHousingReport(
  state: HousingReportState,
  event: HousingReportEvent,
): HousingReportState {
  const at = event.occurredAt ?? null;
  switch (event.type) {
    case 'HomesReported':
      return {
        ...state,
        status: 'reported',
        reportId: event.data.reportId,
        count: event.data.count,
        period: event.data.period,
        municipality: event.data.municipality,
        initiativeId: event.data.initiativeId,
        partnerId: event.data.partnerId,
        housingType: event.data.housingType,
        permanent: event.data.permanent,
        countHistory: [{ count: event.data.count, at, reason: null }],
      };
    case 'HousingCountCorrected':
      return {
        ...state,
        count: event.data.count,
        countHistory: [
          ...state.countHistory,
          { count: event.data.count, at, reason: event.data.reason },
        ],
      };
    case 'HousingCountRetracted':
      return {
        ...state,
        status: 'retracted',
        count: 0,
        countHistory: [...state.countHistory, { count: 0, at, reason: event.data.reason }],
      };
    default:
      return assertNever(event);
  }
}
