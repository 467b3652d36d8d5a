import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

/**
 * The answers of the read API, for the OpenAPI document (and through it the dashboard's types,
 * apps/dashboard/src/generated/openapi.d.ts). The controllers declare these as their return
 * types, so a service whose answer drifts from them fails to compile where it can be checked
 * (the read models' rows are untyped SQL results; test/openapi checks the document's form).
 */

const day = { type: String, format: 'date', example: '2024-06-30' } as const;
const instant = { type: String, format: 'date-time', example: '2024-06-30T10:15:00.000Z' } as const;

/** A log entry kept with a read-model row: its kind, both times, and the event's own details. */
export const HISTORY_ENTRY_SCHEMA = {
  type: 'object',
  required: ['kind', 'occurredAt', 'recordedAt'] as string[],
  properties: {
    kind: { type: 'string', example: 'joined' },
    occurredAt: { type: 'string', format: 'date-time' },
    recordedAt: { type: 'string', format: 'date-time' },
  },
  additionalProperties: true,
} as const;

export interface HistoryEntry {
  kind: string;
  occurredAt: string;
  recordedAt: string;
  [detail: string]: unknown;
}

// ---- GET /progress ----

export class GoalBody {
  @ApiProperty({ type: 'integer', example: 2300 })
  homes: number;
  @ApiProperty({ type: 'integer', example: 2016 })
  fromYear: number;
  @ApiProperty({ type: 'integer', example: 2026 })
  toYear: number;
}

export class PaceBody {
  @ApiProperty({ example: 209.1 })
  plannedPerYear: number;
  @ApiProperty({ type: Number, nullable: true, example: 310.5 })
  neededPerYear: number | null;
  @ApiProperty({ example: 180.2 })
  achievedPerYear: number;
  @ApiProperty({ example: 8.5 })
  yearsElapsed: number;
  @ApiProperty({ example: 2.5 })
  yearsLeft: number;
  @ApiProperty({ type: 'integer', nullable: true, example: 2028 })
  forecastYear: number | null;
  @ApiProperty({ example: false })
  onTrack: boolean;
}

export class BreakdownBody {
  @ApiProperty({ example: 'kollegiemodellen', description: 'The id (or the municipality).' })
  key: string;
  @ApiProperty({ example: 'Kollegiemodellen (Bo Sammen)' })
  label: string;
  @ApiProperty({ type: 'integer', example: 312 })
  homes: number;
}

export class YearFigureBody {
  @ApiProperty({ type: 'integer', example: 2019 })
  year: number;
  @ApiProperty({ type: 'integer', example: 140 })
  homes: number;
  @ApiProperty({ type: 'integer', example: 388 })
  cumulative: number;
}

export class QuarterFigureBody extends YearFigureBody {
  @ApiProperty({ example: '2019-Q2' })
  period: string;
}

export class RestatementBody {
  @ApiProperty({ example: 'r-1' })
  reportId: string;
  @ApiProperty({ enum: ['corrected', 'retracted'], example: 'corrected' })
  kind: string;
  @ApiProperty({ type: 'integer', example: 18 })
  from: number;
  @ApiProperty({ type: 'integer', example: 16 })
  to: number;
  @ApiProperty(day)
  restatedOn: string;
  @ApiProperty(day)
  recordedOn: string;
  @ApiProperty({ example: 'two rooms were counted twice' })
  reason: string;
  @ApiProperty({ example: 'restated from 18 to 16 on 2019-03-02, two rooms were counted twice' })
  note: string;
}

export class ProgressBody {
  @ApiProperty({ example: '2024-06-30', description: 'The world date (or instant) asked for.' })
  asOf: string;
  @ApiProperty({ example: '2024-06-30', description: 'The knowledge date asked for.' })
  knownOn: string;
  @ApiProperty({ type: () => GoalBody, nullable: true, description: 'null before the founding.' })
  goal: GoalBody | null;
  @ApiProperty({ type: 'integer', example: 1523 })
  homes: number;
  @ApiProperty({ type: 'integer', example: 96, description: 'Housing reports counted.' })
  reports: number;
  @ApiProperty({ type: 'integer', nullable: true, example: 777 })
  remaining: number | null;
  @ApiProperty({ type: () => PaceBody, nullable: true })
  pace: PaceBody | null;
  @ApiProperty({ type: () => [BreakdownBody] })
  byInitiative: BreakdownBody[];
  @ApiProperty({ type: () => [BreakdownBody] })
  byPartner: BreakdownBody[];
  @ApiProperty({ type: () => [BreakdownBody] })
  byMunicipality: BreakdownBody[];
  @ApiProperty({ type: () => [YearFigureBody] })
  byYear: YearFigureBody[];
  @ApiProperty({ type: () => [QuarterFigureBody] })
  byQuarter: QuarterFigureBody[];
  @ApiProperty({ type: () => [RestatementBody], description: 'The most recent, oldest first.' })
  restatements: RestatementBody[];
}

// ---- GET /progress/reports/{reportId}/history ----

export class ReportChangeBody {
  @ApiProperty({ type: 'integer', example: 1042 })
  globalPosition: number;
  @ApiProperty({ enum: ['reported', 'corrected', 'retracted'], example: 'reported' })
  kind: string;
  @ApiProperty({ type: 'integer', nullable: true, example: null })
  previousCount: number | null;
  @ApiProperty({ type: 'integer', example: 18 })
  count: number;
  @ApiProperty({ type: String, nullable: true, example: null })
  reason: string | null;
  @ApiProperty(instant)
  occurredAt: string;
  @ApiProperty(instant)
  recordedAt: string;
  @ApiProperty({ example: '6b7d0c1e-0a52-4c58-9d0e-1f2a3b4c5d6e', description: 'A user id.' })
  recordedBy: string;
}

export class ReportHistoryBody {
  @ApiProperty({ example: 'r-1' })
  reportId: string;
  @ApiProperty({ type: 'integer', example: 18, description: 'The count as it stands now.' })
  count: number;
  @ApiProperty({ example: 'counted' })
  status: string;
  @ApiProperty({ example: '2018-Q4' })
  period: string;
  @ApiProperty({ example: 'Odense' })
  municipality: string;
  @ApiProperty({ example: 'kollegiemodellen' })
  initiativeId: string;
  @ApiProperty({ example: 'bikubenfonden' })
  partnerId: string;
  @ApiProperty({ example: 'Allocation list' })
  source: string;
  @ApiProperty({ example: 'dorm-room' })
  housingType: string;
  @ApiProperty({ example: true })
  permanent: boolean;
  @ApiProperty({ type: () => [ReportChangeBody] })
  history: ReportChangeBody[];
}

// ---- GET /governance/composition and /governance/timeline ----

export class SeatBody {
  @ApiProperty({ example: 'board-2018-chair' })
  seatId: string;
  @ApiProperty({ enum: ['board', 'advisory-board', 'secretariat'], example: 'board' })
  body: string;
  @ApiProperty({ type: String, nullable: true, example: 'person-0001' })
  personId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'odense-kommune' })
  organisationId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'chair' })
  role: string | null;
  @ApiProperty(day)
  since: string;
  @ApiProperty({ ...day, nullable: true })
  until: string | null;
  @ApiProperty({ ...day, nullable: true })
  termEndsOn: string | null;
}

export class CompositionBodiesBody {
  @ApiProperty({ type: () => [SeatBody] })
  board: SeatBody[];
  @ApiProperty({ type: () => [SeatBody] })
  'advisory-board': SeatBody[];
  @ApiProperty({ type: () => [SeatBody] })
  secretariat: SeatBody[];
}

/** A name beside a person id: the registered name, or for an erased person only a label. */
export class PersonNameBody {
  @ApiProperty({ example: 'person-0001' })
  personId: string;
  @ApiPropertyOptional({ example: 'Agi Csonka' })
  name?: string;
  @ApiPropertyOptional({ example: true, description: 'Set when the name was erased.' })
  erased?: boolean;
  @ApiPropertyOptional({ example: 'a former board member' })
  label?: string;
}

const NAMES = {
  type: 'object',
  additionalProperties: { $ref: getSchemaPath('PersonNameBody') },
  description: 'The names of the person ids above, from the person register (never in events).',
} as const;

export class CompositionBody {
  @ApiProperty(day)
  on: string;
  @ApiProperty({ example: '2024-06-30' })
  knownOn: string;
  @ApiProperty({ type: () => CompositionBodiesBody })
  bodies: CompositionBodiesBody;
  @ApiProperty(NAMES)
  names: Record<string, PersonNameBody>;
}

export class TimelineEntryBody {
  @ApiProperty({ type: 'integer', example: 311 })
  globalPosition: number;
  @ApiProperty(instant)
  occurredAt: string;
  @ApiProperty(instant)
  recordedAt: string;
  @ApiProperty({ example: 'board' })
  body: string;
  @ApiProperty({ example: 'elected' })
  kind: string;
  @ApiProperty({ type: String, nullable: true, example: 'person-0001' })
  personId: string | null;
  @ApiProperty({ type: String, nullable: true, example: null })
  organisationId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'chair' })
  role: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { termEndsOn: '2020-05-15' },
  })
  details: Record<string, unknown>;
}

export class TimelineBody {
  @ApiProperty({ type: 'integer', example: 1 })
  page: number;
  @ApiProperty({ type: 'integer', example: 50 })
  pageSize: number;
  @ApiProperty({ type: 'integer', example: 212 })
  total: number;
  @ApiProperty({ type: () => [TimelineEntryBody] })
  entries: TimelineEntryBody[];
  @ApiProperty(NAMES)
  names: Record<string, PersonNameBody>;
}

// ---- GET /partners and /partners/{partnerId} ----

export class PartnerBody {
  @ApiProperty({ example: 'odense-kommune' })
  partnerId: string;
  @ApiProperty({ example: 'Odense Kommune' })
  name: string;
  @ApiProperty({ example: 'municipality' })
  sector: string;
  @ApiProperty({ type: String, nullable: true, example: 'Odense' })
  municipality: string | null;
  @ApiProperty({ example: 'member' })
  status: string;
  @ApiProperty(instant)
  joinedAt: string;
  @ApiProperty({ ...instant, nullable: true })
  leftAt: string | null;
}

export class PartnerRowBody extends PartnerBody {
  @ApiProperty({ type: String, nullable: true, example: 'odense-kommune-2017' })
  declarationId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'signed' })
  declarationStatus: string | null;
  @ApiProperty({ ...instant, nullable: true })
  declarationSignedAt: string | null;
  @ApiProperty({ type: 'integer', example: 2 })
  openCommitments: number;
}

export class DeclarationContentBody {
  @ApiPropertyOptional({ example: 'A home for every young person in Odense' })
  purpose?: string;
  @ApiPropertyOptional({ type: [String] })
  contributionsToGoal?: string[];
  @ApiPropertyOptional({ type: [String] })
  contributionsToAlliance?: string[];
  @ApiPropertyOptional({ type: [String], example: ['housing-first'] })
  principles?: string[];
}

export class DeclarationBody {
  @ApiProperty({ example: 'odense-kommune-2017' })
  declarationId: string;
  @ApiProperty({ example: 'signed' })
  status: string;
  @ApiProperty({ type: 'integer', example: 2 })
  version: number;
  @ApiProperty({ type: 'integer', nullable: true, example: 2 })
  signedVersion: number | null;
  @ApiProperty({ type: () => DeclarationContentBody })
  content: DeclarationContentBody;
  @ApiProperty(instant)
  draftedAt: string;
  @ApiProperty({ ...instant, nullable: true })
  signedAt: string | null;
  @ApiProperty({ ...instant, nullable: true })
  withdrawnAt: string | null;
  @ApiProperty({ type: 'array', items: HISTORY_ENTRY_SCHEMA })
  history: HistoryEntry[];
}

export class CommitmentBody {
  @ApiProperty({ example: 'odense-kommune-c1' })
  commitmentId: string;
  @ApiProperty({ type: String, nullable: true, example: 'odense-kommune-2017' })
  declarationId: string | null;
  @ApiProperty({ example: '20 dorm rooms a year' })
  description: string;
  @ApiProperty({ example: 20 })
  targetQuantity: number;
  @ApiProperty({ example: 'homes' })
  targetUnit: string;
  @ApiProperty(day)
  dueOn: string;
  @ApiProperty({ example: 'open' })
  status: string;
  @ApiProperty({ type: 'array', items: HISTORY_ENTRY_SCHEMA })
  history: HistoryEntry[];
}

export class PartnerDetailBody extends PartnerBody {
  @ApiProperty({ type: 'array', items: HISTORY_ENTRY_SCHEMA })
  history: HistoryEntry[];
  @ApiProperty({ type: () => DeclarationBody, nullable: true })
  currentDeclaration: DeclarationBody | null;
  @ApiProperty({ type: () => [DeclarationBody] })
  declarations: DeclarationBody[];
  @ApiProperty({ type: () => [CommitmentBody] })
  commitments: CommitmentBody[];
}

// ---- GET /initiatives and /initiatives/{initiativeId} ----

export class InitiativeBody {
  @ApiProperty({ example: 'kollegiemodellen' })
  initiativeId: string;
  @ApiProperty({ example: 'Kollegiemodellen (Bo Sammen)' })
  name: string;
  @ApiProperty({ example: 'Dorm rooms for young people leaving homelessness' })
  description: string;
  @ApiProperty({ example: 'scaling' })
  phase: string;
  @ApiProperty({ type: Number, nullable: true, example: 500 })
  targetQuantity: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'homes' })
  targetUnit: string | null;
  @ApiProperty({ type: [String], example: ['bikubenfonden'] })
  leadPartnerIds: string[];
  @ApiProperty({ type: [String], example: ['odense-kommune'] })
  participatingPartnerIds: string[];
  @ApiProperty({ type: [String], example: ['Odense'] })
  municipalities: string[];
  @ApiProperty({ type: 'integer', example: 312 })
  homesCounted: number;
}

export class PhaseChangeBody {
  @ApiProperty({ example: 'scaling' })
  phase: string;
  @ApiPropertyOptional({ example: 'pilot', description: 'The phase before; absent at launch.' })
  from?: string;
  @ApiProperty(instant)
  occurredAt: string;
  @ApiProperty(instant)
  recordedAt: string;
}

export class TargetBody {
  @ApiProperty({ example: 500 })
  quantity: number;
  @ApiProperty({ example: 'homes' })
  unit: string;
}

export class TargetChangeBody {
  @ApiPropertyOptional({ type: () => TargetBody })
  from?: TargetBody;
  @ApiPropertyOptional({ type: () => TargetBody })
  to?: TargetBody;
  @ApiPropertyOptional({ example: 'the municipality doubled its allocation' })
  reason?: string;
  @ApiProperty(instant)
  occurredAt: string;
  @ApiPropertyOptional(instant)
  recordedAt?: string;
}

export class InitiativePartnerChangeBody {
  @ApiProperty({ enum: ['joined', 'left'], example: 'joined' })
  kind: string;
  @ApiProperty({ example: 'odense-kommune' })
  partnerId: string;
  @ApiPropertyOptional({ example: 'participant' })
  role?: string;
  @ApiProperty(instant)
  occurredAt: string;
  @ApiPropertyOptional(instant)
  recordedAt?: string;
}

export class InitiativeDetailBody extends InitiativeBody {
  @ApiProperty(instant)
  launchedAt: string;
  @ApiProperty({ type: () => [PhaseChangeBody] })
  phaseHistory: PhaseChangeBody[];
  @ApiProperty({ type: () => [TargetChangeBody] })
  targetHistory: TargetChangeBody[];
  @ApiProperty({ type: () => [InitiativePartnerChangeBody] })
  partnerHistory: InitiativePartnerChangeBody[];
}
