import type {
  HomesReportedData,
  HousingCountCorrectedData,
  HousingCountRetractedData,
} from '@ledger/domain';
import { housingReportEventTypes } from '@ledger/domain';
import { RecordedEvent } from '@ledger/event-store';
import { dataOf, Projection, Sql } from '../projection/projection';

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
  readonly tables = ['housing_report', 'housing_count_change', 'housing_total'];
  readonly eventTypes = new Set<string>(housingReportEventTypes);

  async apply(event: RecordedEvent, sql: Sql): Promise<void> {
    await this.applyBatch([event], sql);
  }

  async applyBatch(events: RecordedEvent[], sql: Sql): Promise<void> {
    const fresh = new Map<string, ReportRow>();
    const changes: Array<ChangeRow & { dimensions: Dimensions & { period: string } }> = [];
    const totals = new TotalsDelta();
    for (const event of events) {
      const stamp = {
        global_position: event.globalPosition!,
        occurred_at: event.occurredAt,
        recorded_at: event.recordedAt,
        recorded_by: event.actor.id,
      };
      if (event.type === 'HomesReported') {
        const d = dataOf<HomesReportedData>(event);
        fresh.set(d.reportId, {
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
        });
        changes.push({
          ...stamp,
          report_id: d.reportId,
          kind: 'reported',
          previous_count: null,
          count: d.count,
          reason: null,
          dimensions: fresh.get(d.reportId)!,
        });
        continue;
      }
      const retracted = event.type === 'HousingCountRetracted';
      const d = retracted
        ? dataOf<HousingCountRetractedData>(event)
        : dataOf<HousingCountCorrectedData>(event);
      const count = retracted ? 0 : (d as HousingCountCorrectedData).count;
      const status = retracted ? 'retracted' : 'corrected';
      let previous: number | null;
      let dimensions: (Dimensions & { period: string }) | undefined;
      const inBatch = fresh.get(d.reportId);
      if (inBatch) {
        previous = inBatch.count;
        inBatch.count = count;
        inBatch.status = status;
        dimensions = inBatch;
      } else {
        const [row] = await sql(
          `UPDATE housing_report r SET count = $2, status = $3
             FROM (SELECT count FROM housing_report WHERE report_id = $1) old
            WHERE r.report_id = $1
            RETURNING old.count AS previous, r.initiative_id, r.partner_id, r.municipality, r.year, r.quarter, r.period`,
          [d.reportId, count, status],
        );
        previous = (row?.previous as number | undefined) ?? null;
        if (!row) continue; // a correction of a report this projection never saw: nothing to change
        dimensions = row as unknown as Dimensions & { period: string };
        totals.add(dimensions, count - (previous ?? 0), retracted ? -1 : 0);
      }
      changes.push({
        ...stamp,
        report_id: d.reportId,
        kind: status,
        previous_count: previous,
        count,
        reason: d.reason,
        dimensions,
      });
    }
    for (const row of fresh.values()) {
      totals.add(row, row.count, row.status === 'retracted' ? 0 : 1);
    }
    await totals.write(sql);
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
        period: dimensions!.period,
        year: dimensions!.year,
        quarter: dimensions!.quarter,
        municipality: dimensions!.municipality,
        initiative_id: dimensions!.initiative_id,
        partner_id: dimensions!.partner_id,
      }));
      await sql(
        `INSERT INTO housing_count_change (${CHANGE_COLUMNS.map(([c]) => c).join(', ')})
         SELECT ${CHANGE_COLUMNS.map(([c]) => c).join(', ')}
           FROM json_to_recordset($1::json) AS x(${CHANGE_COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ')})`,
        [JSON.stringify(rows)],
      );
    }
  }
}

type Dimensions = Pick<
  ReportRow,
  'initiative_id' | 'partner_id' | 'municipality' | 'year' | 'quarter'
>;

/** The batch's changes to the running totals, summed per dimension key, written in one upsert. */
class TotalsDelta {
  private readonly deltas = new Map<string, Dimensions & { homes: number; reports: number }>();

  add(dimensions: Dimensions, homes: number, reports: number): void {
    const key = [
      dimensions.initiative_id,
      dimensions.partner_id,
      dimensions.municipality,
      dimensions.year,
      dimensions.quarter,
    ].join('\u0000');
    const entry = this.deltas.get(key) ?? {
      initiative_id: dimensions.initiative_id,
      partner_id: dimensions.partner_id,
      municipality: dimensions.municipality,
      year: dimensions.year,
      quarter: dimensions.quarter,
      homes: 0,
      reports: 0,
    };
    entry.homes += homes;
    entry.reports += reports;
    this.deltas.set(key, entry);
  }

  async write(sql: Sql): Promise<void> {
    if (this.deltas.size === 0) return;
    const rows = [...this.deltas.values()];
    await sql(
      `INSERT INTO housing_total (initiative_id, partner_id, municipality, year, quarter, homes, reports)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::int[], $7::int[])
       ON CONFLICT (initiative_id, partner_id, municipality, year, quarter)
       DO UPDATE SET homes = housing_total.homes + EXCLUDED.homes, reports = housing_total.reports + EXCLUDED.reports`,
      [
        rows.map((r) => r.initiative_id),
        rows.map((r) => r.partner_id),
        rows.map((r) => r.municipality),
        rows.map((r) => r.year),
        rows.map((r) => r.quarter),
        rows.map((r) => r.homes),
        rows.map((r) => r.reports),
      ],
    );
  }
}
