import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EMPTY_LIST } from './column-types';

/** The alliance itself: its goal (2300 homes between two years) and how that goal changed. */
@Entity({ schema: 'read_models', name: 'alliance' })
export class Alliance {
  @PrimaryColumn('text', { name: 'alliance_id' })
  allianceId: string;

  @Column('text')
  name: string;

  @Column('integer', { name: 'goal_homes' })
  goalHomes: number;

  @Column('integer', { name: 'goal_from_year' })
  goalFromYear: number;

  @Column('integer', { name: 'goal_to_year' })
  goalToYear: number;

  @Column('jsonb')
  principles: unknown;

  @Column('jsonb', { name: 'strategic_efforts' })
  strategicEfforts: unknown;

  @Column('timestamptz', { name: 'founded_at' })
  foundedAt: Date;

  @Column('jsonb', { name: 'goal_history', default: EMPTY_LIST })
  goalHistory: unknown[];
}
