import type { HousingType } from '../shared/vocabulary';

interface HousingCommandBase {
  reportId: string;
  /** When it happened in the world (ISO date or date-time); defaults to `now`. */
  occurredAt?: string;
}

export interface ReportHomes extends HousingCommandBase {
  type: 'ReportHomes';
  count: number;
  /** The quarter the homes belong to, `YYYY-Qn`. */
  period: string;
  municipality: string;
  initiativeId: string;
  partnerId: string;
  source: string;
  housingType: HousingType;
  permanent: boolean;
}
export interface CorrectHousingCount extends HousingCommandBase {
  type: 'CorrectHousingCount';
  count: number;
  reason: string;
}
export interface RetractHousingCount extends HousingCommandBase {
  type: 'RetractHousingCount';
  reason: string;
}

export type HousingReportCommand = ReportHomes | CorrectHousingCount | RetractHousingCount;
