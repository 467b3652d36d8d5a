import { setImmediate } from 'node:timers/promises';
import { assertNever, housingReportEventTypes } from '@ledger/domain';
import { eventTypeSet, RecordedEventOf, TypesIn } from '../projection/domain-events';
import { PreparedWrite, Projection, Sql } from '../projection/projection';
import { CopyType } from '../projection/copy-rows';
import { ReportChange, standingSteps } from './standing-steps';
import { SummedRows } from './summed-rows';

/** The events it reads: exactly the types its batch code handles. */
const EVENT_TYPES = eventTypeSet(housingReportEventTypes);
type HousingEvent = RecordedEventOf<TypesIn<typeof EVENT_TYPES>>;
/** A correction or a retraction: a change to a report. */
type ChangeEvent = Exclude<HousingEvent, { type: 'HomesReported' }>;

/** A report's changes as [occurred at (ms), homes, counts as a report (1) or retracted (0)]. */
type ChangeHistory = Array<[number, number, number]>;

/** Where a report's homes count: the keys every sum is grouped by. */
interface Dimensions {
  period: string;
  year: number;
  quarter: number;
  municipality: string;
  initiative_id: string;
  partner_id: string;
}

interface ReportRow extends Dimensions {
  report_id: string;
  count: number;
  status: string;
  source: string;
  housing_type: string;
  permanent: boolean;
  reported_at: string;
  recorded_at: string;
  latest_occurred_at: string;
  /** Null until the report is first corrected or retracted: until then it is the report alone. */
  changes: ChangeHistory | null;
}

/** A row of housing_count_change, with its report's dimensions (so no join is needed to sum). */
interface ChangeRow extends Dimensions {
  global_position: number;
  report_id: string;
  kind: 'reported' | 'corrected' | 'retracted';
  previous_count: number | null;
  count: number;
  reason: string | null;
  occurred_at: string;
  recorded_at: string;
  recorded_by: string;
}

/** A report as it stood before a change: what the change's effect is measured against. */
interface Before {
  count: number;
  status: string;
  reported_at: string | Date;
  latest_occurred_at: string | Date;
  changes: ChangeHistory | null;
}

/** Columns of a row type, with their types, for COPY. */
type ColumnsOf<Row> = ReadonlyArray<readonly [keyof Row & string, CopyType]>;

/** The columns of Dimensions, which both tables carry. */
const DIMENSION_COLUMNS: ColumnsOf<Dimensions> = [
  ['period', 'text'],
  ['year', 'int4'],
  ['quarter', 'int4'],
  ['municipality', 'text'],
  ['initiative_id', 'text'],
  ['partner_id', 'text'],
];
const REPORT_COLUMNS: ColumnsOf<ReportRow> = [
  ['report_id', 'text'],
  ['count', 'int4'],
  ['status', 'text'],
  ...DIMENSION_COLUMNS,
  ['source', 'text'],
  ['housing_type', 'text'],
  ['permanent', 'bool'],
  ['reported_at', 'timestamptz'],
  ['recorded_at', 'timestamptz'],
  ['latest_occurred_at', 'timestamptz'],
  ['changes', 'jsonb'],
];
const CHANGE_COLUMNS: ColumnsOf<ChangeRow> = [
  ['global_position', 'int8'],
  ['report_id', 'text'],
  ['kind', 'text'],
  ['previous_count', 'int4'],
  ['count', 'int4'],
  ['reason', 'text'],
  ...DIMENSION_COLUMNS,
  ['occurred_at', 'timestamptz'],
  ['recorded_at', 'timestamptz'],
  ['recorded_by', 'text'],
];

/** Events prepared between two pauses for I/O (about 2 ms of work). */
const PREPARED_BETWEEN_PAUSES = 1000;

const TOTAL_KEY = [
  ['initiative_id', 'text'],
  ['partner_id', 'text'],
  ['municipality', 'text'],
  ['year', 'int'],
  ['quarter', 'int'],
] as const;
const STANDING_KEY = [['world_day', 'date'], ['known_day', 'date'], ...TOTAL_KEY] as const;

/**
 * The count of new homes: each report as it stands, every change to it (reported, corrected,
 * retracted) with when it happened and when it was recorded, the running totals, and the daily
 * steps from which progress on a past date is summed (see standing-steps.ts).
 *
 * Housing reports are the bulk of the log, so a batch is applied set-wise: the batch's new
 * reports are kept in memory (corrections of them applied there too) and written with one
 * COPY per table; only corrections of reports from earlier batches touch rows one by one.
 */
export class HousingProjection implements Projection<HousingEvent['type']> {
  readonly name = 'housing';
  readonly tables = ['housing_report', 'housing_count_change', 'housing_total', 'housing_standing'];
  readonly eventTypes = EVENT_TYPES;

  async apply(event: HousingEvent, sql: Sql): Promise<void> {
    const write = await this.prepareBatch([event]);
    await write(sql);
  }

  /**
   * The batch's new reports and their changes are worked out here from the events alone;
   * corrections of reports from earlier batches read and update those reports in the write step,
   * in log order, after every earlier batch has committed.
   */
  async prepareBatch(events: HousingEvent[]): Promise<PreparedWrite> {
    const batch = new HousingBatch();
    const ofEarlierReports: ChangeEvent[] = [];
    for (let i = 0; i < events.length; i++) {
      const event = events[i];
      switch (event.type) {
        case 'HomesReported':
          batch.report(event);
          break;
        case 'HousingCountCorrected':
        case 'HousingCountRetracted':
          if (!batch.changeFresh(event)) ofEarlierReports.push(event);
          break;
        default:
          assertNever(event);
      }
      // A rebuild prepares this batch while the previous one is being written: pausing now and
      // then lets that write's replies and COPY data through, so PostgreSQL never waits long.
      if (i % PREPARED_BETWEEN_PAUSES === PREPARED_BETWEEN_PAUSES - 1) await setImmediate();
    }
    let written = false;
    return async (sql) => {
      // The write adds to the batch's sums as it goes: a second call would count them twice.
      if (written) throw new Error('a prepared housing batch is written once');
      written = true;
      for (const event of ofEarlierReports) await batch.changeEarlier(event, sql);
      await batch.write(sql);
    };
  }
}

/** What a batch of housing events adds to the four tables, until it is written. */
class HousingBatch {
  /** Reports first made in this batch, as they stand after the batch's own changes to them. */
  private readonly fresh = new Map<string, ReportRow>();
  private readonly changes: ChangeRow[] = [];
  private readonly totals = new SummedRows('housing_total', TOTAL_KEY);
  private readonly standing = new SummedRows('housing_standing', STANDING_KEY);

  report(event: Extract<HousingEvent, { type: 'HomesReported' }>): void {
    const d = event.data;
    const report: ReportRow = {
      report_id: d.reportId,
      count: d.count,
      status: 'reported',
      period: d.period,
      year: Number(d.period.slice(0, 4)),
      quarter: Number(d.period.slice(6)),
      municipality: d.municipality,
      initiative_id: d.initiativeId,
      partner_id: d.partnerId,
      source: d.source,
      housing_type: d.housingType,
      permanent: d.permanent,
      reported_at: event.occurredAt,
      recorded_at: event.recordedAt,
      latest_occurred_at: event.occurredAt,
      changes: null,
    };
    this.fresh.set(d.reportId, report);
    this.changes.push(changeRow(event, report, 'reported', null, d.count, null));
    this.standing.add(
      standingKey(report, utcDay(event.occurredAt), utcDay(event.recordedAt)),
      d.count,
      1,
    );
  }

  /** A correction or retraction of a report made in this batch; false if it is not one. */
  changeFresh(event: ChangeEvent): boolean {
    const change = changeOf(event);
    const report = this.fresh.get(change.reportId);
    if (!report) return false;
    const before: Before = { ...report };
    report.count = change.count;
    report.status = change.status;
    if (change.next.occurredAt > instant(report.latest_occurred_at)) {
      report.latest_occurred_at = event.occurredAt;
    }
    report.changes = [
      ...historyOf(before),
      [change.next.occurredAt, change.next.homes, change.next.reports],
    ];
    // Its totals are added with the report's final figure when the batch is written.
    this.changed(event, change, before, report);
    return true;
  }

  /** A correction or retraction of a report from an earlier batch: read and updated in place. */
  async changeEarlier(event: ChangeEvent, sql: Sql): Promise<void> {
    const change = changeOf(event);
    const { next } = change;
    const [row] = await sql(
      `UPDATE housing_report r
          SET count = $2, status = $3, latest_occurred_at = greatest(r.latest_occurred_at, $4::timestamptz),
              changes = coalesce(r.changes, jsonb_build_array(jsonb_build_array(
                          (extract(epoch FROM r.reported_at) * 1000)::bigint, r.count, 1)))
                        || jsonb_build_array(jsonb_build_array($5::bigint, $2::int, $6::int))
         FROM (SELECT count, status, reported_at, latest_occurred_at, changes
                 FROM housing_report WHERE report_id = $1) old
        WHERE r.report_id = $1
        RETURNING old.count, old.status, old.reported_at, old.latest_occurred_at, old.changes,
                  r.initiative_id, r.partner_id, r.municipality, r.year, r.quarter, r.period`,
      [
        change.reportId,
        change.count,
        change.status,
        event.occurredAt,
        next.occurredAt,
        next.reports,
      ],
    );
    if (!row) return; // a correction of a report this projection never saw: nothing to change
    const before = row as unknown as Before;
    const dimensions = row as unknown as Dimensions;
    this.totals.add(dimensions, change.count - before.count, next.reports ? 0 : -1);
    this.changed(event, change, before, dimensions);
  }

  /** The change's row and its steps in the daily standing, measured against the report before it. */
  private changed(
    event: ChangeEvent,
    change: ReportChangeEvent,
    before: Before,
    dimensions: Dimensions,
  ): void {
    const { next, count } = change;
    const knownDay = utcDay(event.recordedAt);
    if (next.occurredAt >= instant(before.latest_occurred_at)) {
      // It happened after every earlier change: from its date on, it replaces the report's figure.
      const wasCounted = before.status === 'retracted' ? 0 : 1;
      this.standing.add(
        standingKey(dimensions, utcDay(event.occurredAt), knownDay),
        count - before.count,
        next.reports - wasCounted,
      );
    } else {
      const known = historyOf(before).map(([occurredAt, homes, reports]) => ({
        occurredAt,
        homes,
        reports,
      }));
      for (const step of standingSteps(known, next)) {
        this.standing.add(
          standingKey(dimensions, utcDay(new Date(step.occurredAt)), knownDay),
          step.homes,
          step.reports,
        );
      }
    }
    this.changes.push(
      changeRow(event, dimensions, change.status, before.count, count, change.reason),
    );
  }

  async write(sql: Sql): Promise<void> {
    for (const row of this.fresh.values()) {
      this.totals.add(row, row.count, row.status === 'retracted' ? 0 : 1);
    }
    await this.totals.write(sql);
    await this.standing.write(sql);
    await sql.copy('housing_report', REPORT_COLUMNS, [...this.fresh.values()]);
    await sql.copy('housing_count_change', CHANGE_COLUMNS, this.changes);
  }
}

/** A correction or retraction, read once from its event. */
interface ReportChangeEvent {
  reportId: string;
  count: number;
  status: 'corrected' | 'retracted';
  reason: string;
  next: ReportChange;
}

function changeOf(event: ChangeEvent): ReportChangeEvent {
  const occurredAt = instant(event.occurredAt);
  switch (event.type) {
    case 'HousingCountCorrected': {
      const { reportId, count, reason } = event.data;
      return {
        reportId,
        count,
        status: 'corrected',
        reason,
        next: { occurredAt, homes: count, reports: 1 },
      };
    }
    case 'HousingCountRetracted': {
      const { reportId, reason } = event.data;
      return {
        reportId,
        count: 0,
        status: 'retracted',
        reason,
        next: { occurredAt, homes: 0, reports: 0 },
      };
    }
    default:
      return assertNever(event);
  }
}

/** The report's changes so far: its own short history once it has one, else the report alone. */
function historyOf(before: Before): ChangeHistory {
  return before.changes ?? [[instant(before.reported_at), before.count, 1]];
}

function changeRow(
  event: HousingEvent,
  dimensions: Dimensions,
  kind: ChangeRow['kind'],
  previousCount: number | null,
  count: number,
  reason: string | null,
): ChangeRow {
  return {
    global_position: event.globalPosition!,
    report_id: event.data.reportId,
    kind,
    previous_count: previousCount,
    count,
    reason,
    period: dimensions.period,
    year: dimensions.year,
    quarter: dimensions.quarter,
    municipality: dimensions.municipality,
    initiative_id: dimensions.initiative_id,
    partner_id: dimensions.partner_id,
    occurred_at: event.occurredAt,
    recorded_at: event.recordedAt,
    recorded_by: event.actor.id,
  };
}

function standingKey(dimensions: Dimensions, worldDay: string, knownDay: string) {
  return {
    world_day: worldDay,
    known_day: knownDay,
    initiative_id: dimensions.initiative_id,
    partner_id: dimensions.partner_id,
    municipality: dimensions.municipality,
    year: dimensions.year,
    quarter: dimensions.quarter,
  };
}

const instant = (value: string | Date): number =>
  value instanceof Date ? value.getTime() : Date.parse(value);

/**
 * The UTC day of an instant: "as of a day" means up to the end of that day in UTC. The log's
 * times are UTC ISO text ("…Z"), whose first ten characters are that day.
 */
function utcDay(value: string | Date): string {
  if (typeof value === 'string' && value.length === 24 && value.endsWith('Z')) {
    return value.slice(0, 10);
  }
  return new Date(instant(value)).toISOString().slice(0, 10);
}
