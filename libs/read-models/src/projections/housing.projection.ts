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
    const changes: Array<ChangeRow & { dimensionsFrom: string }> = [];
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
          dimensionsFrom: d.reportId,
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
      const inBatch = fresh.get(d.reportId);
      if (inBatch) {
        previous = inBatch.count;
        inBatch.count = count;
        inBatch.status = status;
      } else {
        const [row] = await sql(
          `UPDATE housing_report r SET count = $2, status = $3
             FROM (SELECT count FROM housing_report WHERE report_id = $1) old
            WHERE r.report_id = $1
            RETURNING old.count AS previous, r.initiative_id, r.partner_id, r.municipality, r.year, r.quarter`,
          [d.reportId, count, status],
        );
        previous = (row?.previous as number | undefined) ?? null;
        if (row)
          totals.add(row as unknown as Dimensions, count - (previous ?? 0), retracted ? -1 : 0);
      }
      changes.push({
        ...stamp,
        report_id: d.reportId,
        kind: status,
        previous_count: previous,
        count,
        reason: d.reason,
        dimensionsFrom: d.reportId,
      });
    }
    for (const row of fresh.values()) {
      totals.add(row, row.count, row.status === 'retracted' ? 0 : 1);
    }
    await totals.write(sql);
    if (fresh.size > 0) {
      const rows = [...fresh.values()];
      await sql(
        `INSERT INTO housing_report (${REPORT_COLUMNS.join(', ')})
         SELECT * FROM unnest(${REPORT_TYPES.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`,
        REPORT_COLUMNS.map((column) => rows.map((row) => row[column])),
      );
    }
    if (changes.length > 0) {
      // The dimensions of each change are the report's (now all in housing_report).
      await sql(
        `INSERT INTO housing_count_change (global_position, report_id, kind, previous_count, count, reason,
           period, year, quarter, municipality, initiative_id, partner_id, occurred_at, recorded_at, recorded_by)
         SELECT c.global_position, c.report_id, c.kind, c.previous_count, c.count, c.reason,
                r.period, r.year, r.quarter, r.municipality, r.initiative_id, r.partner_id, c.occurred_at, c.recorded_at, c.recorded_by
           FROM unnest($1::bigint[], $2::text[], $3::text[], $4::int[], $5::int[], $6::text[], $7::timestamptz[], $8::timestamptz[], $9::text[])
                  AS c(global_position, report_id, kind, previous_count, count, reason, occurred_at, recorded_at, recorded_by)
           JOIN housing_report r ON r.report_id = c.report_id`,
        [
          changes.map((c) => c.global_position),
          changes.map((c) => c.report_id),
          changes.map((c) => c.kind),
          changes.map((c) => c.previous_count),
          changes.map((c) => c.count),
          changes.map((c) => c.reason),
          changes.map((c) => c.occurred_at),
          changes.map((c) => c.recorded_at),
          changes.map((c) => c.recorded_by),
        ],
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
