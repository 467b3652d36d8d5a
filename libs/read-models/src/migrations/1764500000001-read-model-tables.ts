import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read models: every table here is computed from the event log by a projection and can be
 * dropped and rebuilt. Indexes follow the filters the query API offers.
 */
export class ReadModelTables1764500000001 implements MigrationInterface {
  name = 'ReadModelTables1764500000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE read_models.alliance (
        alliance_id text PRIMARY KEY,
        name text NOT NULL,
        goal_homes integer NOT NULL,
        goal_from_year integer NOT NULL,
        goal_to_year integer NOT NULL,
        principles jsonb NOT NULL,
        strategic_efforts jsonb NOT NULL,
        founded_at timestamptz NOT NULL,
        goal_history jsonb NOT NULL DEFAULT '[]'
      )`);

    await q.query(`
      CREATE TABLE read_models.partner (
        partner_id text PRIMARY KEY,
        name text NOT NULL,
        sector text NOT NULL,
        municipality text,
        status text NOT NULL,
        joined_at timestamptz NOT NULL,
        left_at timestamptz,
        history jsonb NOT NULL DEFAULT '[]'
      )`);
    await q.query(`CREATE INDEX partner_sector_status ON read_models.partner (sector, status)`);
    await q.query(`CREATE INDEX partner_status ON read_models.partner (status)`);

    await q.query(`
      CREATE TABLE read_models.partnership_declaration (
        declaration_id text PRIMARY KEY,
        partner_id text NOT NULL,
        status text NOT NULL,
        version integer NOT NULL,
        signed_version integer,
        content jsonb NOT NULL,
        drafted_at timestamptz NOT NULL,
        signed_at timestamptz,
        withdrawn_at timestamptz,
        history jsonb NOT NULL DEFAULT '[]'
      )`);
    await q.query(
      `CREATE INDEX declaration_partner ON read_models.partnership_declaration (partner_id)`,
    );

    await q.query(`
      CREATE TABLE read_models.partner_commitment (
        commitment_id text PRIMARY KEY,
        partner_id text NOT NULL,
        declaration_id text,
        description text NOT NULL,
        target_quantity numeric NOT NULL,
        target_unit text NOT NULL,
        due_on date NOT NULL,
        status text NOT NULL,
        made_at timestamptz NOT NULL,
        history jsonb NOT NULL DEFAULT '[]'
      )`);
    await q.query(`CREATE INDEX commitment_partner ON read_models.partner_commitment (partner_id)`);

    await q.query(`
      CREATE TABLE read_models.initiative (
        initiative_id text PRIMARY KEY,
        name text NOT NULL,
        description text NOT NULL,
        phase text NOT NULL,
        target_quantity numeric NOT NULL,
        target_unit text NOT NULL,
        lead_partner_ids jsonb NOT NULL,
        participating_partner_ids jsonb NOT NULL,
        municipalities jsonb NOT NULL,
        launched_at timestamptz NOT NULL,
        phase_history jsonb NOT NULL DEFAULT '[]',
        target_history jsonb NOT NULL DEFAULT '[]',
        partner_history jsonb NOT NULL DEFAULT '[]'
      )`);

    // One row per report as it stands now, and one per change, with both times of each change:
    // the history answers "as of a date in the world" and "as known on a date".
    await q.query(`
      CREATE TABLE read_models.housing_report (
        report_id text PRIMARY KEY,
        count integer NOT NULL,
        status text NOT NULL,
        period text NOT NULL,
        year integer NOT NULL,
        quarter integer NOT NULL,
        municipality text NOT NULL,
        initiative_id text NOT NULL,
        partner_id text NOT NULL,
        source text NOT NULL,
        housing_type text NOT NULL,
        permanent boolean NOT NULL,
        reported_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX housing_report_dimensions ON read_models.housing_report (initiative_id, partner_id, municipality, year)`,
    );
    await q.query(`
      CREATE TABLE read_models.housing_count_change (
        global_position bigint PRIMARY KEY,
        report_id text NOT NULL,
        kind text NOT NULL,
        previous_count integer,
        count integer NOT NULL,
        reason text,
        period text NOT NULL,
        year integer NOT NULL,
        quarter integer NOT NULL,
        municipality text NOT NULL,
        initiative_id text NOT NULL,
        partner_id text NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL,
        recorded_by text NOT NULL
      )`);
    await q.query(
      `CREATE INDEX housing_change_report ON read_models.housing_count_change (report_id, global_position)`,
    );
    await q.query(
      `CREATE INDEX housing_change_recorded ON read_models.housing_count_change (recorded_at)`,
    );

    // A seat held in one role over one stretch of days; a role change closes one and opens the
    // next. recorded_from / recorded_until say when the ledger learned of the start and the end.
    await q.query(`
      CREATE TABLE read_models.seat_period (
        seat_id text NOT NULL,
        seq integer NOT NULL,
        body text NOT NULL,
        person_id text,
        organisation_id text,
        role text NOT NULL,
        valid_from date NOT NULL,
        valid_until date,
        term_ends_on date,
        recorded_from timestamptz NOT NULL,
        recorded_until timestamptz,
        PRIMARY KEY (seat_id, seq)
      )`);
    await q.query(`CREATE INDEX seat_period_body ON read_models.seat_period (body, valid_from)`);
    await q.query(`CREATE INDEX seat_period_person ON read_models.seat_period (person_id)`);

    await q.query(`
      CREATE TABLE read_models.governance_timeline (
        global_position bigint PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL,
        body text NOT NULL,
        kind text NOT NULL,
        person_id text,
        organisation_id text,
        role text,
        details jsonb NOT NULL
      )`);
    await q.query(
      `CREATE INDEX timeline_occurred ON read_models.governance_timeline (occurred_at, global_position)`,
    );
    await q.query(
      `CREATE INDEX timeline_body ON read_models.governance_timeline (body, occurred_at)`,
    );
    await q.query(`CREATE INDEX timeline_person ON read_models.governance_timeline (person_id)`);
    await q.query(
      `CREATE INDEX timeline_organisation ON read_models.governance_timeline (organisation_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'governance_timeline',
      'seat_period',
      'housing_count_change',
      'housing_report',
      'initiative',
      'partner_commitment',
      'partnership_declaration',
      'partner',
      'alliance',
    ]) {
      await q.query(`DROP TABLE read_models.${table}`);
    }
  }
}
