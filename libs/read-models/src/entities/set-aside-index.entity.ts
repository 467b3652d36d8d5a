import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A query index a rebuild has dropped and not yet made again (see bulk-indexes.ts). */
@Entity({ schema: 'read_models', name: 'set_aside_index' })
export class SetAsideIndexRow {
  @PrimaryColumn('text', { name: 'index_name' })
  indexName: string;

  @Column('text')
  definition: string;
}
