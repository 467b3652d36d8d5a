export interface RecordReferenceCount {
  type: 'RecordReferenceCount';
  allianceId: string;
  countId: string;
  source: string;
  /** The day the count describes (ISO date); it becomes the event's occurredAt. */
  occurredAt: string;
  /** Defaults to "Danmark". */
  area?: string;
  /** Defaults to 18-29, the ages national counts use. */
  ageFrom?: number;
  ageTo?: number;
  homelessYoungPeople?: number | null;
  changePercent?: number | null;
  comparedWith?: string | null;
}

export type ReferenceCountCommand = RecordReferenceCount;
