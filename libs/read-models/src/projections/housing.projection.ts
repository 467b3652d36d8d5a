import type {
  HomesReportedData,
  HousingCountCorrectedData,
  HousingCountRetractedData,
} from '@ledger/domain';
import { housingReportEventTypes } from '@ledger/domain';
import { RecordedEvent } from '@ledger/event-store';
import { dataOf, Projection, Sql } from '../projection/projection';

/**
 * The count of new homes: each report as it stands, and every change to it (reported, corrected,
 * retracted) with when it happened and when it was recorded, from which progress is summed for
 * any date, in either sense of "as of".
 */
export class HousingProjection implements Projection {
  readonly name = 'housing';
  readonly tables = ['housing_report', 'housing_count_change'];
  readonly eventTypes = new Set<string>(housingReportEventTypes);

  async apply(event: RecordedEvent, sql: Sql): Promise<void> {
    if (event.type === 'HomesReported') {
      const d = dataOf<HomesReportedData>(event);
      const year = Number(d.period.slice(0, 4));
      const quarter = Number(d.period.slice(6));
      await sql(
        `INSERT INTO housing_report (report_id, count, status, period, year, quarter, municipality,
           initiative_id, partner_id, source, housing_type, permanent, reported_at, recorded_at)
         VALUES ($1, $2, 'reported', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          d.reportId,
          d.count,
          d.period,
          year,
          quarter,
          d.municipality,
          d.initiativeId,
          d.partnerId,
          d.source,
          d.housingType,
          d.permanent,
          event.occurredAt,
          event.recordedAt,
        ],
      );
      await sql(
        `INSERT INTO housing_count_change (global_position, report_id, kind, previous_count, count, reason,
           period, year, quarter, municipality, initiative_id, partner_id, occurred_at, recorded_at, recorded_by)
         VALUES ($1, $2, 'reported', NULL, $3, NULL, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          event.globalPosition,
          d.reportId,
          d.count,
          d.period,
          year,
          quarter,
          d.municipality,
          d.initiativeId,
          d.partnerId,
          event.occurredAt,
          event.recordedAt,
          event.actor.id,
        ],
      );
      return;
    }
    const retracted = event.type === 'HousingCountRetracted';
    const d = retracted
      ? dataOf<HousingCountRetractedData>(event)
      : dataOf<HousingCountCorrectedData>(event);
    const count = retracted ? 0 : (d as HousingCountCorrectedData).count;
    const [before] = await sql(
      `UPDATE housing_report r SET count = $2, status = $3
         FROM (SELECT count FROM housing_report WHERE report_id = $1) old
        WHERE r.report_id = $1 RETURNING old.count AS previous`,
      [d.reportId, count, retracted ? 'retracted' : 'corrected'],
    );
    await sql(
      `INSERT INTO housing_count_change (global_position, report_id, kind, previous_count, count, reason,
         period, year, quarter, municipality, initiative_id, partner_id, occurred_at, recorded_at, recorded_by)
       SELECT $1, report_id, $2, $3, $4, $5, period, year, quarter, municipality, initiative_id, partner_id, $6, $7, $8
         FROM housing_report WHERE report_id = $9`,
      [
        event.globalPosition,
        retracted ? 'retracted' : 'corrected',
        before?.previous ?? null,
        count,
        d.reason,
        event.occurredAt,
        event.recordedAt,
        event.actor.id,
        d.reportId,
      ],
    );
  }
}
