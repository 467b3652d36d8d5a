import type {
  HomesReportedData,
  HousingCountCorrectedData,
  HousingCountRetractedData,
} from '@ledger/domain';
import { housingReportEventTypes } from '@ledger/domain';
import { RecordedEvent } from '@ledger/event-store';
import { dataOf, Projection, Sql } from '../projection/projection';
import { ReportChange, standingSteps } from './standing-steps';
import { SummedRows } from './summed-rows';

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

/** The columns of Dimensions, which both tables carry. */
const DIMENSION_COLUMNS: ReadonlyArray<keyof Dimensions> = [
  'period',
  'year',
  'quarter',
  'municipality',
  'initiative_id',
  'partner_id',
];
const REPORT_COLUMNS: ReadonlyArray<keyof ReportRow> = [
  'report_id',
  'count',
  'status',
  ...DIMENSION_COLUMNS,
  'source',
  'housing_type',
  'permanent',
  'reported_at',
  'recorded_at',
  'latest_occurred_at',
  'changes',
];
const CHANGE_COLUMNS: ReadonlyArray<keyof ChangeRow> = [
  'global_position',
  'report_id',
  'kind',
  'previous_count',
  'count',
  'reason',
  ...DIMENSION_COLUMNS,
  'occurred_at',
  'recorded_at',
  'recorded_by',
];

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
export class HousingProjection implements Projection {
  readonly name = 'housing';
  readonly tables = ['housing_report', 'housing_count_change', 'housing_total', 'housing_standing'];
  readonly eventTypes = new Set<string>(housingReportEventTypes);

  async apply(event: RecordedEvent, sql: Sql): Promise<void> {
    await this.applyBatch([event], sql);
  }

  async applyBatch(events: RecordedEvent[], sql: Sql): Promise<void> {
    const fresh = new Map<string, ReportRow>();
    const changes: ChangeRow[] = [];
    const totals = new SummedRows('housing_total', TOTAL_KEY);
    const standing = new SummedRows('housing_standing', STANDING_KEY);
    for (const event of events) {
      const knownDay = utcDay(event.recordedAt);
      if (event.type === 'HomesReported') {
        const d = dataOf<HomesReportedData>(event);
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
        fresh.set(d.reportId, report);
        changes.push(changeRow(event, report, 'reported', null, d.count, null));
        standing.add(standingKey(report, utcDay(event.occurredAt), knownDay), d.count, 1);
        continue;
      }
      const retracted = event.type === 'HousingCountRetracted';
      const d = retracted
        ? dataOf<HousingCountRetractedData>(event)
        : dataOf<HousingCountCorrectedData>(event);
      const count = retracted ? 0 : (d as HousingCountCorrectedData).count;
      const status = retracted ? 'retracted' : 'corrected';
      const next: ReportChange = {
        occurredAt: instant(event.occurredAt),
        homes: count,
        reports: retracted ? 0 : 1,
      };
      let before: Before;
      let dimensions: Dimensions;
      const inBatch = fresh.get(d.reportId);
      if (inBatch) {
        before = { ...inBatch };
        inBatch.count = count;
        inBatch.status = status;
        if (next.occurredAt > instant(inBatch.latest_occurred_at)) {
          inBatch.latest_occurred_at = event.occurredAt;
        }
        inBatch.changes = [...historyOf(before), [next.occurredAt, next.homes, next.reports]];
        dimensions = inBatch;
      } else {
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
          [d.reportId, count, status, event.occurredAt, next.occurredAt, next.reports],
        );
        if (!row) continue; // a correction of a report this projection never saw: nothing to change
        before = row as unknown as Before;
        dimensions = row as unknown as Dimensions;
        totals.add(dimensions, count - before.count, retracted ? -1 : 0);
      }
      if (next.occurredAt >= instant(before.latest_occurred_at)) {
        // It happened after every earlier change: from its date on, it replaces the report's figure.
        const wasCounted = before.status === 'retracted' ? 0 : 1;
        standing.add(
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
          standing.add(
            standingKey(dimensions, utcDay(new Date(step.occurredAt)), knownDay),
            step.homes,
            step.reports,
          );
        }
      }
      changes.push(changeRow(event, dimensions, status, before.count, count, d.reason));
    }
    for (const row of fresh.values()) {
      totals.add(row, row.count, row.status === 'retracted' ? 0 : 1);
    }
    await totals.write(sql);
    await standing.write(sql);
    await insertRows(sql, 'housing_report', REPORT_COLUMNS, [...fresh.values()]);
    await insertRows(sql, 'housing_count_change', CHANGE_COLUMNS, changes);
  }
}

/** The report's changes so far: its own short history once it has one, else the report alone. */
function historyOf(before: Before): ChangeHistory {
  return before.changes ?? [[instant(before.reported_at), before.count, 1]];
}

function changeRow(
  event: RecordedEvent,
  dimensions: Dimensions,
  kind: ChangeRow['kind'],
  previousCount: number | null,
  count: number,
  reason: string | null,
): ChangeRow {
  return {
    global_position: event.globalPosition!,
    report_id: (event.data as { reportId: string }).reportId,
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

/** The batch's new rows of one table, with COPY (see copy-rows.ts). */
async function insertRows<Row extends object>(
  sql: Sql,
  table: string,
  columns: ReadonlyArray<keyof Row & string>,
  rows: Row[],
): Promise<void> {
  await sql.copy(table, columns, rows);
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
