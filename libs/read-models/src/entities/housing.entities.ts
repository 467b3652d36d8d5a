import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { asNumber } from './column-types';

/** Where a report's homes count: the columns every sum is grouped by, on a report and its changes. */
abstract class ReportDimensions {
  @Column('text')
  period: string;

  @Column('integer')
  year: number;

  @Column('integer')
  quarter: number;

  @Column('text')
  municipality: string;

  @Column('text', { name: 'initiative_id' })
  initiativeId: string;

  @Column('text', { name: 'partner_id' })
  partnerId: string;
}

/** A count of new homes as it stands now: reported, corrected or retracted. */
@Entity({ schema: 'read_models', name: 'housing_report' })
export class HousingReport extends ReportDimensions {
  /** Compared bytewise (see migration 1764500000006). */
  @PrimaryColumn('text', { name: 'report_id', collation: 'C' })
  reportId: string;

  @Column('integer')
  count: number;

  @Column('text')
  status: string;

  @Column('text')
  source: string;

  @Column('text', { name: 'housing_type' })
  housingType: string;

  @Column('boolean')
  permanent: boolean;

  @Column('timestamptz', { name: 'reported_at' })
  reportedAt: Date;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;

  @Column('timestamptz', { name: 'latest_occurred_at', nullable: true })
  latestOccurredAt: Date | null;

  /** The report's changes as [occurred at (ms), homes, counted (1) or retracted (0)]; null until its first correction. */
  @Column('jsonb', { nullable: true })
  changes: Array<[number, number, number]> | null;
}

/** Every change to a count (reported, corrected, retracted), with its report's dimensions. */
@Entity({ schema: 'read_models', name: 'housing_count_change' })
@Index('housing_change_report', ['reportId', 'globalPosition'])
@Index('housing_change_restatements', ['globalPosition'], { where: "kind <> 'reported'" })
export class HousingCountChange extends ReportDimensions {
  @PrimaryColumn('bigint', { name: 'global_position', transformer: asNumber })
  globalPosition: number;

  @Column({ type: 'text', name: 'report_id', collation: 'C' })
  reportId: string;

  @Column('text')
  kind: string;

  @Column('integer', { name: 'previous_count', nullable: true })
  previousCount: number | null;

  @Column('integer')
  count: number;

  @Column('text', { nullable: true })
  reason: string | null;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt: Date;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;

  @Column('text', { name: 'recorded_by' })
  recordedBy: string;
}

/** Sums of homes and reports, keyed by initiative, partner, municipality and quarter. */
abstract class HousingSums {
  @PrimaryColumn('text', { name: 'initiative_id' })
  initiativeId: string;

  @PrimaryColumn('text', { name: 'partner_id' })
  partnerId: string;

  @PrimaryColumn('text')
  municipality: string;

  @PrimaryColumn('integer')
  year: number;

  @PrimaryColumn('integer')
  quarter: number;

  @Column('integer')
  homes: number;

  @Column('integer')
  reports: number;
}

/** Running sums of homes and reports per initiative, partner, municipality and quarter. */
@Entity({ schema: 'read_models', name: 'housing_total' })
export class HousingTotal extends HousingSums {}

/**
 * Steps in the figures, per day they happened in the world and day they were recorded: summed up
 * to two dates, they give progress as of a date, as known on a date (see standing-steps.ts).
 */
@Entity({ schema: 'read_models', name: 'housing_standing' })
export class HousingStanding extends HousingSums {
  @PrimaryColumn('date', { name: 'world_day' })
  worldDay: string;

  @PrimaryColumn('date', { name: 'known_day' })
  knownDay: string;
}
