import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'read_models', name: 'projection_checkpoint' })
export class ProjectionCheckpoint {
  @PrimaryColumn('text')
  projection: string;

  /** The global position of the last event this projection has applied. */
  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  position: number;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
