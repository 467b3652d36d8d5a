import { Inject, Injectable } from '@nestjs/common';
import { READ_MODEL_SCHEMA } from '@ledger/read-models';
import { Queryable, ReadModelQueries } from './query-pools';

/** Where the record needs the secretariat's attention. */
@Injectable()
export class DataQualityService {
  constructor(
    @Inject(ReadModelQueries) private readonly db: Queryable,
    @Inject(READ_MODEL_SCHEMA) private readonly schema: string,
  ) {}

  async report(today: string, lateAfterDays = 90) {
    const [withoutSource, lateReports, silentPartners, termsEnding, unknownReferences] =
      await Promise.all([
        this.db.query(
          `SELECT report_id AS "reportId", period, partner_id AS "partnerId" FROM ${this.schema}.housing_report
          WHERE status <> 'retracted' AND btrim(source) = '' ORDER BY period, report_id`,
        ),
        // Entered long after the quarter it counts ended.
        this.db.query(
          `SELECT report_id AS "reportId", period, recorded_at AS "recordedAt",
                (recorded_at::date - (make_date(year, quarter * 3, 1) + interval '1 month - 1 day')::date) AS "daysAfterPeriod"
           FROM ${this.schema}.housing_report
          WHERE recorded_at::date - (make_date(year, quarter * 3, 1) + interval '1 month - 1 day')::date > $1
          ORDER BY "daysAfterPeriod" DESC, report_id`,
          [lateAfterDays],
        ),
        // Quarters from a commitment's start up to today in which its partner reported no homes
        // (the running totals count each quarter's reports that still stand).
        this.db.query(
          `WITH quarters AS (
           SELECT c.partner_id, c.commitment_id, q::date AS quarter_start
             FROM ${this.schema}.partner_commitment c,
                  generate_series(date_trunc('quarter', c.made_at), date_trunc('quarter', $1::date) - interval '3 months', interval '3 months') q
            WHERE c.status = 'open')
         SELECT q.partner_id AS "partnerId", q.commitment_id AS "commitmentId",
                extract(year FROM q.quarter_start)::int || '-Q' || extract(quarter FROM q.quarter_start)::int AS period
           FROM quarters q
          WHERE NOT EXISTS (SELECT 1 FROM ${this.schema}.housing_total t
                             WHERE t.partner_id = q.partner_id AND t.reports > 0
                               AND t.year = extract(year FROM q.quarter_start) AND t.quarter = extract(quarter FROM q.quarter_start))
          ORDER BY 1, 3`,
          [today],
        ),
        this.db.query(
          `SELECT seat_id AS "seatId", body, person_id AS "personId", role, term_ends_on::text AS "termEndsOn"
           FROM ${this.schema}.seat_period
          WHERE term_ends_on BETWEEN $1::date AND $1::date + 60
            AND (valid_until IS NULL OR valid_until >= $1::date)
          ORDER BY term_ends_on`,
          [today],
        ),
        this.db.query(this.unknownReferencesSql()),
      ]);
    return {
      today,
      reportsWithoutSource: withoutSource,
      reportsEnteredLate: lateReports,
      partnersSilentDespiteCommitment: silentPartners,
      boardTermsEndingWithin60Days: termsEnding,
      recordsNamingUnknownThings: unknownReferences,
    };
  }

  /**
   * Records that name something the ledger does not hold: written before every command's
   * references were checked (issue 17), or by a tool that went around the commands. Counted
   * homes under an unknown initiative or partner, and seats of unregistered people or unknown
   * organisations, are shown so the secretariat can correct or retract them.
   */
  private unknownReferencesSql(): string {
    const s = this.schema;
    const noPartner = (column: string) =>
      `NOT EXISTS (SELECT 1 FROM ${s}.partner p WHERE p.partner_id = ${column})`;
    const noOrganisation = (column: string) =>
      `${noPartner(column)} AND NOT EXISTS (SELECT 1 FROM ${s}.organisation o WHERE o.organisation_id = ${column})`;
    return `
      SELECT 'housing-report' AS "record", report_id AS "recordId", 'initiativeId' AS field,
             'initiative' AS "kind", initiative_id AS id
        FROM ${s}.housing_report r
       WHERE status <> 'retracted'
         AND NOT EXISTS (SELECT 1 FROM ${s}.initiative i WHERE i.initiative_id = r.initiative_id)
      UNION ALL
      SELECT 'housing-report', report_id, 'partnerId', 'partner', partner_id
        FROM ${s}.housing_report r
       WHERE status <> 'retracted' AND ${noPartner('r.partner_id')}
      UNION ALL
      SELECT DISTINCT 'seat', seat_id, 'personId', 'person', person_id
        FROM ${s}.seat_period sp
       WHERE person_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM personal_data.persons pp WHERE pp.person_id = sp.person_id)
      UNION ALL
      SELECT DISTINCT 'seat', seat_id, 'organisationId', 'organisation', organisation_id
        FROM ${s}.seat_period sp
       WHERE organisation_id IS NOT NULL AND ${noOrganisation('sp.organisation_id')}
      UNION ALL
      SELECT 'initiative', initiative_id, 'leadPartnerIds', 'partner', lead.id
        FROM ${s}.initiative i, jsonb_array_elements_text(i.lead_partner_ids) AS lead(id)
       WHERE ${noPartner('lead.id')}
      UNION ALL
      SELECT 'initiative', initiative_id, 'participatingPartnerIds', 'partner', part.id
        FROM ${s}.initiative i, jsonb_array_elements_text(i.participating_partner_ids) AS part(id)
       WHERE ${noPartner('part.id')}
      ORDER BY 1, 2, 3, 5`;
  }
}
