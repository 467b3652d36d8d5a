import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { asNumber } from './column-types';

/**
 * A seat held in one role over one stretch of days; a role change closes one period and opens
 * the next. `valid_*` are days in the world, `recorded_*` when the ledger learned of the start and
 * the end: together they answer "the board on a date, as known on a date".
 */
@Entity({ schema: 'read_models', name: 'seat_period' })
@Index('seat_period_body', ['body', 'validFrom'])
@Index('seat_period_person', ['personId'])
export class SeatPeriod {
  @PrimaryColumn('text', { name: 'seat_id' })
  seatId: string;

  @PrimaryColumn('integer')
  seq: number;

  @Column('text')
  body: string;

  @Column('text', { name: 'person_id', nullable: true })
  personId: string | null;

  @Column('text', { name: 'organisation_id', nullable: true })
  organisationId: string | null;

  @Column('text')
  role: string;

  @Column('date', { name: 'valid_from' })
  validFrom: string;

  @Column('date', { name: 'valid_until', nullable: true })
  validUntil: string | null;

  @Column('date', { name: 'term_ends_on', nullable: true })
  termEndsOn: string | null;

  @Column('timestamptz', { name: 'recorded_from' })
  recordedFrom: Date;

  @Column('timestamptz', { name: 'recorded_until', nullable: true })
  recordedUntil: Date | null;
}

/** One entry of the governance timeline: a membership change, an assembly, a declaration. */
@Entity({ schema: 'read_models', name: 'governance_timeline' })
@Index('timeline_occurred', ['occurredAt', 'globalPosition'])
@Index('timeline_body', ['body', 'occurredAt'])
@Index('timeline_person', ['personId'])
@Index('timeline_organisation', ['organisationId'])
export class GovernanceTimelineEntry {
  @PrimaryColumn('bigint', { name: 'global_position', transformer: asNumber })
  globalPosition: number;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt: Date;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;

  @Column('text')
  body: string;

  @Column('text')
  kind: string;

  @Column('text', { name: 'person_id', nullable: true })
  personId: string | null;

  @Column('text', { name: 'organisation_id', nullable: true })
  organisationId: string | null;

  @Column('text', { nullable: true })
  role: string | null;

  @Column('jsonb')
  details: unknown;
}
