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

interface ReportRow {
  report_id: string;
  count: number;
  status: string;
  period: string;
  year: number;
  quarter: number;
  municipality: string;
  initiative_id: string;
  partner_id: string;
  source: string;
  housing_type: string;
  permanent: boolean;
  reported_at: string;
  recorded_at: string;
  latest_occurred_at: string;
}

interface ChangeRow {
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

const REPORT_COLUMNS: Array<keyof ReportRow> = [
  'report_id',
  'count',
  'status',
  'period',
  'year',
  'quarter',
  'municipality',
  'initiative_id',
  'partner_id',
  'source',
  'housing_type',
  'permanent',
  'reported_at',
  'recorded_at',
  'latest_occurred_at',
];
const CHANGE_COLUMNS = [
  ['global_position', 'bigint'],
  ['report_id', 'text'],
  ['kind', 'text'],
  ['previous_count', 'int'],
  ['count', 'int'],
  ['reason', 'text'],
  ['period', 'text'],
  ['year', 'int'],
  ['quarter', 'int'],
  ['municipality', 'text'],
  ['initiative_id', 'text'],
  ['partner_id', 'text'],
  ['occurred_at', 'timestamptz'],
  ['recorded_at', 'timestamptz'],
  ['recorded_by', 'text'],
] as const;
const REPORT_TYPES = [
  'text',
  'int',
  'text',
  'text',
  'int',
  'int',
  'text',
  'text',
  'text',
  'text',
  'text',
  'bool',
  'timestamptz',
  'timestamptz',
  'timestamptz',
];

/**
 * The count of new homes: each report as it stands, and every change to it (reported, corrected,
 * retracted) with when it happened and when it was recorded, from which progress is summed for
 * any date, in either sense of "as of".
 *
 * Housing reports are the bulk of the log, so a batch is applied set-wise: the batch's new
 * reports are kept in memory (corrections of them applied there too) and written with one
 * INSERT per table; only corrections of reports from earlier batches touch rows one by one.
 */
export class HousingProjection implements Projection {
  readonly name = 'housing';
  readonly tables = ['housing_report', 'housing_count_change', 'housing_total', 'housing_standing'];
  readonly eventTypes = new Set<string>(housingReportEventTypes);
  // A backdated correction reads its report's earlier changes (knownChanges).
  readonly indexesReadWhileApplying = ['housing_change_report'];

  async apply(event: RecordedEvent, sql: Sql): Promise<void> {
    await this.applyBatch([event], sql);
  }

  async applyBatch(events: RecordedEvent[], sql: Sql): Promise<void> {
    const fresh = new Map<string, ReportRow>();
    const changes: Array<ChangeRow & { dimensions: Dimensions & { period: string } }> = [];
    const totals = new SummedRows('housing_total', TOTAL_KEY);
    const standing = new SummedRows('housing_standing', STANDING_KEY);
    const addSteps = (dimensions: Dimensions, recordedAt: string, steps: StandingStepRow[]) => {
      for (const step of steps) {
        standing.add(
          { ...dimensions, world_day: utcDay(step.occurredAt), known_day: utcDay(recordedAt) },
          step.homes,
          step.reports,
        );
      }
    };
    for (const event of events) {
      const stamp = {
        global_position: event.globalPosition!,
        occurred_at: event.occurredAt,
        recorded_at: event.recordedAt,
        recorded_by: event.actor.id,
      };
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
        };
        fresh.set(d.reportId, report);
        changes.push({
          ...stamp,
          report_id: d.reportId,
          kind: 'reported',
          previous_count: null,
          count: d.count,
          reason: null,
          dimensions: report,
        });
        addSteps(report, event.recordedAt, [
          { occurredAt: event.occurredAt, homes: d.count, reports: 1 },
        ]);
        continue;
      }
      const retracted = event.type === 'HousingCountRetracted';
      const d = retracted
        ? dataOf<HousingCountRetractedData>(event)
        : dataOf<HousingCountCorrectedData>(event);
      const count = retracted ? 0 : (d as HousingCountCorrectedData).count;
      const status = retracted ? 'retracted' : 'corrected';
      let before: { count: number; status: string; latest_occurred_at: string | Date };
      let dimensions: Dimensions & { period: string };
      const inBatch = fresh.get(d.reportId);
      if (inBatch) {
        before = { ...inBatch };
        inBatch.count = count;
        inBatch.status = status;
        if (instant(event.occurredAt) > instant(inBatch.latest_occurred_at)) {
          inBatch.latest_occurred_at = event.occurredAt;
        }
        dimensions = inBatch;
      } else {
        const [row] = await sql(
          `UPDATE housing_report r
              SET count = $2, status = $3, latest_occurred_at = greatest(r.latest_occurred_at, $4::timestamptz)
             FROM (SELECT count, status, latest_occurred_at FROM housing_report WHERE report_id = $1) old
            WHERE r.report_id = $1
            RETURNING old.count, old.status, old.latest_occurred_at,
                      r.initiative_id, r.partner_id, r.municipality, r.year, r.quarter, r.period`,
          [d.reportId, count, status, event.occurredAt],
        );
        if (!row) continue; // a correction of a report this projection never saw: nothing to change
        before = row as unknown as typeof before;
        dimensions = row as unknown as Dimensions & { period: string };
        totals.add(dimensions, count - before.count, retracted ? -1 : 0);
      }
      const next: ReportChange = {
        occurredAt: instant(event.occurredAt),
        homes: count,
        reports: retracted ? 0 : 1,
      };
      if (next.occurredAt >= instant(before.latest_occurred_at)) {
        // It happened after every earlier change: from its date on, it replaces the report's figure.
        addSteps(dimensions, event.recordedAt, [
          {
            occurredAt: event.occurredAt,
            homes: count - before.count,
            reports: next.reports - (before.status === 'retracted' ? 0 : 1),
          },
        ]);
      } else {
        const known = await this.knownChanges(d.reportId, changes, sql);
        addSteps(
          dimensions,
          event.recordedAt,
          standingSteps(known, next).map((step) => ({
            ...step,
            occurredAt: new Date(step.occurredAt),
          })),
        );
      }
      changes.push({
        ...stamp,
        report_id: d.reportId,
        kind: status,
        previous_count: before.count,
        count,
        reason: d.reason,
        dimensions,
      });
    }
    for (const row of fresh.values()) {
      totals.add(row, row.count, row.status === 'retracted' ? 0 : 1);
    }
    await totals.write(sql);
    await standing.write(sql);
    if (fresh.size > 0) {
      // One JSON document instead of fourteen arrays: JSON.stringify and json_to_recordset are
      // both native code, where building array literals row by row cost most of a rebuild.
      await sql(
        `INSERT INTO housing_report (${REPORT_COLUMNS.join(', ')})
         SELECT ${REPORT_COLUMNS.join(', ')}
           FROM json_to_recordset($1::json) AS x(${REPORT_COLUMNS.map((c, i) => `${c} ${REPORT_TYPES[i]}`).join(', ')})`,
        [JSON.stringify([...fresh.values()])],
      );
    }
    if (changes.length > 0) {
      // Each change carries its report's dimensions from memory or from the UPDATE above: joining
      // housing_report here made every batch scan the whole table once it grew large.
      const rows = changes.map(({ dimensions, ...change }) => ({
        ...change,
        period: dimensions.period,
        year: dimensions.year,
        quarter: dimensions.quarter,
        municipality: dimensions.municipality,
        initiative_id: dimensions.initiative_id,
        partner_id: dimensions.partner_id,
      }));
      await sql(
        `INSERT INTO housing_count_change (${CHANGE_COLUMNS.map(([c]) => c).join(', ')})
         SELECT ${CHANGE_COLUMNS.map(([c]) => c).join(', ')}
           FROM json_to_recordset($1::json) AS x(${CHANGE_COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ')})`,
        [JSON.stringify(rows)],
      );
    }
  }

  /**
   * A report's changes so far, in log order: those of earlier batches from the table, then this
   * batch's (not written yet). Read only for a backdated change, which is rare.
   */
  private async knownChanges(
    reportId: string,
    batch: ReadonlyArray<ChangeRow>,
    sql: Sql,
  ): Promise<ReportChange[]> {
    const stored = await sql(
      `SELECT count, kind, occurred_at FROM housing_count_change WHERE report_id = $1 ORDER BY global_position`,
      [reportId],
    );
    return [
      ...(stored as Array<Pick<ChangeRow, 'count' | 'kind'> & { occurred_at: Date }>),
      ...batch.filter((change) => change.report_id === reportId),
    ].map((change) => ({
      occurredAt: instant(change.occurred_at),
      homes: change.count,
      reports: change.kind === 'retracted' ? 0 : 1,
    }));
  }
}

interface StandingStepRow {
  occurredAt: string | Date;
  homes: number;
  reports: number;
}

const TOTAL_KEY = [
  ['initiative_id', 'text'],
  ['partner_id', 'text'],
  ['municipality', 'text'],
  ['year', 'int'],
  ['quarter', 'int'],
] as const;
const STANDING_KEY = [['world_day', 'date'], ['known_day', 'date'], ...TOTAL_KEY] as const;

const instant = (value: string | Date): number =>
  value instanceof Date ? value.getTime() : Date.parse(value);
/** The UTC day of an instant: "as of a day" means up to the end of that day in UTC. */
const utcDay = (value: string | Date): string =>
  new Date(instant(value)).toISOString().slice(0, 10);

type Dimensions = Pick<
  ReportRow,
  'initiative_id' | 'partner_id' | 'municipality' | 'year' | 'quarter'
>;
