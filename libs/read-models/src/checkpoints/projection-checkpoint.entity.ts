import { Column, Entity, PrimaryColumn } from 'typeorm';
import { asNumber } from '../entities/column-types';

@Entity({ schema: 'read_models', name: 'projection_checkpoint' })
export class ProjectionCheckpoint {
  @PrimaryColumn('text')
  projection: string;

  /** The global position of the last event this projection has applied. */
  @Column('bigint', { default: 0, transformer: asNumber })
  position: number;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
